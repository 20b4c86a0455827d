import { SpacesSkeleton } from '../_components/SpacesSkeleton';

export default function Loading() {
  return <SpacesSkeleton variant="list" />;
}
