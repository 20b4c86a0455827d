import { useTranslations } from 'next-intl';
import { PageSkeleton } from '../study-trips/_components/PageSkeleton';

/** The planner's pages while they stream in. */
export default function Loading() {
  return <PageSkeleton label={useTranslations('agreement')('loading')} sidebar />;
}
