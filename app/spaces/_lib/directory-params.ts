import type { Amenity, ResourceKind, SpaceKind } from '@/db/schema';

/**
 * The directory's filters as they live in the URL (so a search can be shared), and the places
 * one can sort by distance from without giving away one's position.
 */

// NOTE: listed here rather than imported from db/schema, which would pull drizzle into the
// browser bundle; the checks below fail to compile if the schema gains a value.
export const SPACE_KINDS = ['office_hotel', 'coworking', 'business_park'] as const satisfies readonly SpaceKind[];
/** Not in the desk directory nor its filters: a venue hosts a studio, a studio is booked from /studios. */
export const NON_DIRECTORY_SPACE_KINDS = ['venue'] as const satisfies readonly SpaceKind[];
export const AMENITIES = ['meeting_room', 'digital_studio', 'kitchen', 'parking', 'step_free'] as const satisfies readonly Amenity[];
/** The kinds a host adds in the resource editor; a studio's resource comes with the studio. */
export const RESOURCE_KINDS = ['hot_desk', 'fixed_desk', 'private_office', 'meeting_room'] as const satisfies readonly ResourceKind[];
export const STUDIO_RESOURCE_KINDS = ['studio'] as const satisfies readonly ResourceKind[];
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const allListed: [
  Exhaustive<SpaceKind, (typeof SPACE_KINDS)[number] | (typeof NON_DIRECTORY_SPACE_KINDS)[number]>,
  Exhaustive<Amenity, (typeof AMENITIES)[number]>,
  Exhaustive<ResourceKind, (typeof RESOURCE_KINDS)[number] | (typeof STUDIO_RESOURCE_KINDS)[number]>,
] = [true, true, true];
void allListed;
export type { Amenity, ResourceKind, SpaceKind };

/** Fibre speeds offered in the filter, Mbit/s. */
export const FIBRE_STEPS = [100, 300, 500, 1000] as const;

export const PRESET_PLACES = {
  brostadbotn: { lat: 69.0911, lng: 17.6866 },
  tromso: { lat: 69.6492, lng: 18.9553 },
  oslo: { lat: 59.9139, lng: 10.7522 },
} as const;
export type PresetPlace = keyof typeof PRESET_PLACES;
/** Where distances are measured from: a preset, the browser's position, or a point on the map. */
export type NearKind = PresetPlace | 'me' | 'map';

export function isPresetPlace(value: unknown): value is PresetPlace {
  return typeof value === 'string' && Object.hasOwn(PRESET_PLACES, value);
}

export interface DirectoryFilters {
  q: string;
  country: string;
  municipality: string;
  kind: string;
  amenities: string[];
  minFibre: string;
  freeOn: string;
  near: NearKind | '';
  lat: string;
  lng: string;
}

export const EMPTY_FILTERS: DirectoryFilters = {
  q: '',
  country: '',
  municipality: '',
  kind: '',
  amenities: [],
  minFibre: '',
  freeOn: '',
  near: '',
  lat: '',
  lng: '',
};

type Params = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

/** The filters from the URL, as strings; the server's zod schema decides what is valid. */
export function readFilters(params: Params): DirectoryFilters {
  const near = one(params.near);
  return {
    q: one(params.q).slice(0, 200),
    country: one(params.country).toUpperCase(),
    municipality: one(params.municipality),
    kind: one(params.kind),
    // "a,b" from a shared link, or amenities=a&amenities=b from the form without JavaScript.
    amenities: [params.amenities ?? []]
      .flat()
      .join(',')
      .split(',')
      .map((a) => a.trim())
      .filter((a, i, all) => a !== '' && all.indexOf(a) === i),
    minFibre: one(params.minFibre),
    freeOn: one(params.freeOn),
    near: isPresetPlace(near) || near === 'me' || near === 'map' ? near : '',
    lat: one(params.lat),
    lng: one(params.lng),
  };
}

/** The point distances are measured from: a preset's coordinates or the ones in the URL. */
export function distancePoint(filters: DirectoryFilters): { lat: number; lng: number } | null {
  if (isPresetPlace(filters.near)) return PRESET_PLACES[filters.near];
  if (!filters.near || filters.lat === '' || filters.lng === '') return null;
  const lat = Number(filters.lat);
  const lng = Number(filters.lng);
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat, lng };
}

/** The shareable query string: empty filters are left out, preset places carry no coordinates. */
export function filtersToQuery(filters: DirectoryFilters): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.country) params.set('country', filters.country);
  if (filters.municipality) params.set('municipality', filters.municipality);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.amenities.length) params.set('amenities', filters.amenities.join(','));
  if (filters.minFibre) params.set('minFibre', filters.minFibre);
  if (filters.freeOn) params.set('freeOn', filters.freeOn);
  if (filters.near) {
    params.set('near', filters.near);
    if (!isPresetPlace(filters.near) && filters.lat && filters.lng) {
      params.set('lat', filters.lat);
      params.set('lng', filters.lng);
    }
  }
  return params.toString();
}

/**
 * Coordinates for a shareable URL: two decimals (about a kilometre), so a "near me" link shows
 * the neighbourhood, not the house.
 */
export function roundCoordinate(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}

/** How many filters narrow the result (for the "Filters (3)" button on phones). */
export function activeFilterCount(filters: DirectoryFilters): number {
  return (
    [filters.country, filters.municipality, filters.kind, filters.minFibre, filters.freeOn].filter(Boolean).length +
    filters.amenities.length
  );
}
