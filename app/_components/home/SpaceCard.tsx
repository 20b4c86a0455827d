import { useLocale, useTranslations } from 'next-intl';
import type { FeaturedSpace } from '@/server/spaces/list-spaces';
import { Badge } from '../ui/Badge';
import { Card } from '../ui/Card';
import { IconBuilding, IconMapPin, IconUsers } from '../ui/Icon';

export type SpaceCardData = FeaturedSpace;

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** One co-working space or office hotel in a list. */
export function SpaceCard({ space, headingLevel = 3 }: { space: SpaceCardData; headingLevel?: 2 | 3 | 4 }) {
  const t = useTranslations('common.spaceKind');
  const locale = useLocale();
  const Heading = `h${headingLevel}` as const;
  const KindIcon = space.kind === 'office_hotel' ? IconBuilding : IconUsers;
  const town = space.municipality && space.municipality !== space.city ? `${space.city}, ${space.municipality}` : space.city;
  const place = `${town} · ${countryName(space.country, locale)}`;
  return (
    <Card as="article" className="flex h-full flex-col">
      <div className="flex items-start justify-between gap-3">
        <div
          aria-hidden="true"
          className="flex size-11 shrink-0 items-center justify-center rounded-xl bg-fjord-50 text-fjord-700"
        >
          <KindIcon size={22} />
        </div>
        <Badge tone={space.kind === 'office_hotel' ? 'primary' : 'accent'}>{t(space.kind)}</Badge>
      </div>
      <Heading className="mt-4 text-lg font-semibold text-ink">{space.name}</Heading>
      <p className="mt-1 flex items-center gap-1.5 text-sm text-ink-muted">
        <IconMapPin size={16} className="shrink-0" />
        <span>{place}</span>
      </p>
      <p className="mt-3 text-[0.9375rem] leading-relaxed text-ink-muted">{space.summary}</p>
    </Card>
  );
}
