import { JobsSkeleton } from './_components/JobsSkeleton';

export default function Loading() {
  return <JobsSkeleton variant="list" />;
}
