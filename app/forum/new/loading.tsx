import { ForumSkeleton } from '../_components/ForumSkeleton';

export default function Loading() {
  return <ForumSkeleton variant="form" />;
}
