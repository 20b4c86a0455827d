import { LessonsSkeleton } from '../_components/LessonsSkeleton';

export default function Loading() {
  return <LessonsSkeleton label="series" />;
}
