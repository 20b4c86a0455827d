import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_i18n/client-messages';

/**
 * This part's client components get their own strings: the studio pages reuse the spaces'
 * booking form, and the kiosk the video room's tiles.
 */
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages paths={['common', 'errors', 'studios', 'spaces.booking', 'spaces.resourceKind', 'spaces.term', 'spaces.calendar', 'rooms.tile']}>
      {children}
    </ClientMessages>
  );
}
