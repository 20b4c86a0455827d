import type { StudyTripStatus } from '@/db/schema';

/** The badge colour of each status, the same in the queue and in "your requests". */
export const STATUS_TONE: Record<StudyTripStatus, 'warning' | 'primary' | 'success' | 'danger'> = {
  received: 'warning',
  planning: 'primary',
  confirmed: 'success',
  declined: 'danger',
};
