import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconArrowRight, IconBuilding } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { hostedSpaces } from '@/server/spaces/directory';
import { getRuntime } from '@/server/runtime';
import { IconPlus } from '../_components/space-icons';
import { placeLine } from '../_components/SpaceResultCard';
import { countryName } from '../_lib/space-format';
import { STATUS_TONE } from './_components/host-values';
import { HostOnly } from './_components/HostOnly';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('spaces.host');
  return { title: t('title'), robots: { index: false } };
}

export default async function HostPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/spaces/host');
  if (user.role !== 'host' && user.role !== 'admin') return <HostOnly />;
  const [t, tk, ts, locale, rows] = await Promise.all([
    getTranslations('spaces.host'),
    getTranslations('spaces.kind'),
    getTranslations('spaces.space.status'),
    getLocale(),
    hostedSpaces(getRuntime().db, user.id),
  ]);
  return (
    <Container size="wide" className="flex flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t('title')}
        lead={t('lead')}
        actions={
          <ButtonLink href="/spaces/host/new" iconStart={<IconPlus size={18} />}>
            {t('create')}
          </ButtonLink>
        }
      />
      {rows.length ? (
        <ul className="grid gap-4 md:grid-cols-2">
          {rows.map(({ space }) => (
            <li key={space.id}>
              <Card as="article" interactive className="flex h-full flex-col gap-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={STATUS_TONE[space.status] ?? 'neutral'}>{ts(space.status)}</Badge>
                  <Badge tone="neutral">{tk(space.kind)}</Badge>
                </div>
                <h2 className="text-lg font-semibold text-ink">
                  <Link href={`/spaces/host/${space.id}`} className="rounded after:absolute after:inset-0 after:rounded-2xl">
                    {space.name}
                  </Link>
                </h2>
                <p className="text-sm text-ink-muted">
                  {placeLine(space)} · {countryName(space.country, locale)}
                </p>
                {space.status === 'pending' ? <p className="text-sm text-warning-700">{t('pendingNote')}</p> : null}
                <p className="mt-auto flex items-center gap-1.5 text-sm font-semibold text-fjord-700">
                  {t('manage')}
                  <IconArrowRight size={16} />
                </p>
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState
          icon={<IconBuilding size={28} />}
          title={t('emptyTitle')}
          body={t('emptyBody')}
          action={
            <ButtonLink href="/spaces/host/new" iconStart={<IconPlus size={18} />}>
              {t('create')}
            </ButtonLink>
          }
        />
      )}
    </Container>
  );
}
