import { useTranslations } from 'next-intl';
import { PageSkeleton } from './_components/PageSkeleton';

/** Study trips, the status page and the admins' queue while they stream in. */
export default function Loading() {
  return <PageSkeleton label={useTranslations('studyTrips')('loading')} />;
}
