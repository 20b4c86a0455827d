import { registerStudio } from '@/server/studios/studios';
import { apiRoute } from '../_lib/api-route';

/**
 * Registers a studio (hosts of the space, or admins): `{ place: 'space', spaceId, … }` or
 * `{ place: 'venue', venue: { name, municipality, city, … }, … }` (see registerStudioSchema).
 */
export const POST = apiRoute(
  async ({ deps, actor, body }) => {
    const { studio, space, room } = await registerStudio(deps.db, actor, body);
    return { studio: { id: studio.id, slug: studio.slug, name: studio.name }, space: { slug: space.slug }, room: { slug: room.slug } };
  },
  { status: 201 },
);
