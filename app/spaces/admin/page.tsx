import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocalTime } from '@/app/_components/LocalTime';
import { Badge } from '@/app/_components/ui/Badge';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconCheckCircle } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { pendingSpaces } from '@/server/spaces/directory';
import { getRuntime } from '@/server/runtime';
import { placeLine } from '../_components/SpaceResultCard';
import { countryName } from '../_lib/space-format';
import { ReviewButtons } from './ReviewButtons';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('spaces.admin');
  return { title: t('title'), robots: { index: false } };
}

/** Admins only; everyone else gets the 404 (the page's existence is not advertised). */
export default async function AdminSpacesPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/spaces/admin');
  if (user.role !== 'admin') notFound();
  const [t, tk, locale, pending] = await Promise.all([getTranslations('spaces.admin'), getTranslations('spaces.kind'), getLocale(), pendingSpaces(getRuntime().db)]);
  const en = locale === 'en';
  return (
    <Container size="wide" className="flex flex-col gap-8 py-10 sm:py-14">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} lead={t('lead')} />
      <section aria-labelledby="pending-heading" className="flex flex-col gap-4">
        <h2 id="pending-heading" className="text-xl font-semibold text-ink">
          {t('pending', { count: pending.length })}
        </h2>
        {pending.length ? (
          <ul className="flex flex-col gap-4">
            {pending.map((space) => (
              <li key={space.id}>
                <Card as="article" aria-labelledby={`pending-${space.id}`} className="grid gap-5 md:grid-cols-[minmax(0,1fr)_auto]">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <Badge tone="warning">{t('waiting')}</Badge>
                      <Badge tone="neutral">{tk(space.kind)}</Badge>
                      <span className="text-sm text-ink-muted">
                        {t('submitted')} <LocalTime value={space.createdAt.toISOString()} dateStyle="medium" timeStyle="short" />
                      </span>
                    </div>
                    <h3 id={`pending-${space.id}`} className="mt-3 text-lg font-semibold text-ink">
                      <Link href={`/spaces/${space.slug}`} className="link">
                        {space.name}
                      </Link>
                    </h3>
                    <p className="text-sm text-ink-muted">
                      {placeLine(space)} · {countryName(space.country, locale)}
                      {space.address ? ` · ${space.address}` : ''}
                    </p>
                    <p className="mt-3 line-clamp-4 text-ink">{en ? space.descriptionEn : space.descriptionNb}</p>
                    <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
                      {space.contactEmail ? (
                        <div className="flex gap-1.5">
                          <dt className="text-ink-muted">{t('email')}</dt>
                          <dd>
                            <a className="link" href={`mailto:${space.contactEmail}`}>
                              {space.contactEmail}
                            </a>
                          </dd>
                        </div>
                      ) : null}
                      {space.website ? (
                        <div className="flex gap-1.5">
                          <dt className="text-ink-muted">{t('website')}</dt>
                          <dd>
                            <a className="link break-all" href={space.website} target="_blank" rel="noreferrer">
                              {space.website}
                            </a>
                          </dd>
                        </div>
                      ) : null}
                    </dl>
                  </div>
                  <ReviewButtons spaceId={space.id} name={space.name} />
                </Card>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState icon={<IconCheckCircle size={28} />} headingLevel={3} title={t('emptyTitle')} body={t('emptyBody')} />
        )}
      </section>
    </Container>
  );
}
