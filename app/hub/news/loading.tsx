import { ForumSkeleton } from '@/app/forum/_components/ForumSkeleton';

export default function Loading() {
  return <ForumSkeleton variant="index" />;
}
