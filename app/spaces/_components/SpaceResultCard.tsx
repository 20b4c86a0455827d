import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { Badge } from '@/app/_components/ui/Badge';
import { Card } from '@/app/_components/ui/Card';
import { cx } from '@/app/_components/ui/class-names';
import { IconBuilding, IconMapPin, IconUsers } from '@/app/_components/ui/Icon';
import type { SpaceListItem } from '@/server/spaces/directory';
import { AMENITIES } from '../_lib/directory-params';
import { countryName, formatDistance, formatMoney, formatNumber } from '../_lib/space-format';
import { AMENITY_ICONS, IconFibre } from './space-icons';

/** The town, with the municipality when it is another name ("Finnsnes, Senja"). */
export function placeLine(space: { city: string; municipality: string | null }): string {
  return space.municipality && space.municipality !== space.city ? `${space.city}, ${space.municipality}` : space.city;
}

/** One space in the directory: the whole card is one link (the heading's), details beside it. */
export function SpaceResultCard({ space }: { space: SpaceListItem }) {
  const t = useTranslations('spaces.directory');
  const tk = useTranslations('spaces.kind');
  const ta = useTranslations('spaces.amenity');
  const locale = useLocale();
  const KindIcon = space.kind === 'office_hotel' ? IconBuilding : IconUsers;
  const amenities = AMENITIES.filter((a) => space.amenities.includes(a));
  return (
    <Card as="article" padding="none" interactive className="group flex flex-col overflow-hidden sm:flex-row">
      <div className={cx('relative h-36 shrink-0 bg-fjord-50 sm:block sm:h-auto sm:w-44', !space.photo && 'hidden')}>
        {space.photo ? (
          <img src={`/uploads/${space.photo}`} alt="" loading="lazy" className="absolute inset-0 size-full object-cover" />
        ) : (
          <div aria-hidden="true" className="absolute inset-0 flex items-center justify-center bg-[radial-gradient(circle_at_30%_20%,var(--color-fjord-100),var(--color-fjord-50))] text-fjord-600">
            <KindIcon size={40} />
          </div>
        )}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2 p-4 sm:p-5">
        <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
          <h3 className="text-lg font-semibold text-ink">
            <Link href={`/spaces/${space.slug}`} className="rounded after:absolute after:inset-0 after:rounded-2xl group-hover:text-fjord-800">
              {space.name}
            </Link>
          </h3>
          <Badge tone={space.kind === 'office_hotel' ? 'primary' : 'accent'}>{tk(space.kind)}</Badge>
        </div>
        <p className="flex items-center gap-1.5 text-sm text-ink-muted">
          <IconMapPin size={16} className="shrink-0" />
          <span>
            {placeLine(space)} · {countryName(space.country, locale)}
            {space.distanceKm !== null ? (
              <>
                {' · '}
                <span className="font-medium text-fjord-800">{t('distance', { distance: formatDistance(space.distanceKm, locale) })}</span>
              </>
            ) : null}
          </span>
        </p>
        <p className="line-clamp-2 text-[0.9375rem] leading-relaxed text-ink-muted">{space.summary}</p>
        <div className="mt-auto flex flex-wrap items-end justify-between gap-3 pt-1">
          <ul className="relative flex flex-wrap items-center gap-1.5" aria-label={t('amenitiesOf', { name: space.name })}>
            {space.fibreMbps ? (
              <li>
                <Badge tone="neutral" icon={<IconFibre size={14} />}>
                  {t('fibreSpeed', { speed: formatNumber(space.fibreMbps, locale) })}
                </Badge>
              </li>
            ) : null}
            {amenities.map((amenity) => {
              const Icon = AMENITY_ICONS[amenity];
              return (
                <li key={amenity} title={ta(amenity)} className="flex size-7 items-center justify-center rounded-full bg-sand-100 text-sand-700">
                  <Icon size={16} title={ta(amenity)} />
                </li>
              );
            })}
          </ul>
          {space.fromPrice !== null ? (
            <p className="text-sm text-ink-muted">
              {t.rich('fromPrice', {
                price: formatMoney(space.fromPrice, space.currency, locale),
                strong: (chunks) => <strong className="text-base font-semibold text-ink">{chunks}</strong>,
              })}
            </p>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
