import { getLocale } from 'next-intl/server';
import { searchSpacesSchema, searchSpaces } from '@/server/spaces/directory';
import { BookingError } from '@/server/spaces/booking';
import { createSpace } from '@/server/spaces/hosting';
import { apiRoute } from '../_lib/api-route';

/** GET ?q=&country=&municipality=&kind=&amenities=a,b&minFibre=&freeOn=YYYY-MM-DD&lat=&lng= */
export const GET = apiRoute(async ({ deps, req }) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = searchSpacesSchema.safeParse(params);
  if (!parsed.success) throw new BookingError(400, 'bad_request');
  const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
  return { spaces: await searchSpaces(deps.db, locale, parsed.data) };
});

/** Hosts submit a space (pending until an admin approves it). */
export const POST = apiRoute(async ({ deps, actor, body }) => ({ space: await createSpace(deps.db, actor, body) }), { status: 201 });
