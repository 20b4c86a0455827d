import type { BadgeTone } from '@/app/_components/ui/Badge';
import type { Space, hostCommunities } from '@/db/schema';

/**
 * Plain values shared by the host pages (server) and their forms (client). They live here, not
 * in the 'use client' modules, because a server component importing a value from a client
 * module gets a reference to it, not the value.
 */

/** The editable fields of a space, as strings for the form (spaceSchema in server/spaces/hosting.ts). */
export interface SpaceFormValues {
  name: string;
  kind: string;
  municipality: string;
  city: string;
  country: string;
  address: string;
  latitude: string;
  longitude: string;
  descriptionNb: string;
  descriptionEn: string;
  website: string;
  timeZone: string;
  currency: string;
  fibreMbps: string;
  amenities: string[];
  openingHoursNb: string;
  openingHoursEn: string;
  contactEmail: string;
  contactPhone: string;
}

export const EMPTY_SPACE: SpaceFormValues = {
  name: '',
  kind: 'coworking',
  municipality: '',
  city: '',
  country: 'NO',
  address: '',
  latitude: '',
  longitude: '',
  descriptionNb: '',
  descriptionEn: '',
  website: '',
  timeZone: 'Europe/Oslo',
  currency: 'NOK',
  fibreMbps: '',
  amenities: [],
  openingHoursNb: '',
  openingHoursEn: '',
  contactEmail: '',
  contactPhone: '',
};

export function spaceFormValues(space: Space): SpaceFormValues {
  const text = (value: string | null) => value ?? '';
  return {
    name: space.name,
    kind: space.kind,
    municipality: text(space.municipality),
    city: space.city,
    country: space.country,
    address: text(space.address),
    latitude: space.latitude === null ? '' : String(space.latitude),
    longitude: space.longitude === null ? '' : String(space.longitude),
    descriptionNb: space.descriptionNb,
    descriptionEn: space.descriptionEn,
    website: text(space.website),
    timeZone: space.timeZone,
    currency: space.currency,
    fibreMbps: space.fibreMbps === null ? '' : String(space.fibreMbps),
    amenities: space.amenities,
    openingHoursNb: text(space.openingHoursNb),
    openingHoursEn: text(space.openingHoursEn),
    contactEmail: text(space.contactEmail),
    contactPhone: text(space.contactPhone),
  };
}

export const COMMUNITY_KEYS = ['broadband', 'school', 'kindergarten', 'healthCare', 'transport'] as const;
export type CommunityValues = Record<`${(typeof COMMUNITY_KEYS)[number]}${'Nb' | 'En'}`, string>;

export function communityValues(row: typeof hostCommunities.$inferSelect | null): CommunityValues {
  const values = {} as CommunityValues;
  for (const key of COMMUNITY_KEYS) {
    values[`${key}Nb`] = row?.[`${key}Nb`] ?? '';
    values[`${key}En`] = row?.[`${key}En`] ?? '';
  }
  return values;
}

export const OCCUPANCY_DAYS = 14;

export const STATUS_TONE: Record<string, BadgeTone> = { pending: 'warning', approved: 'success', rejected: 'danger' };
