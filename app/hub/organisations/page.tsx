import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LocalTime } from '@/app/_components/LocalTime';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconBuilding, IconSignOut, IconSuitcase } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { IconExternal } from '@/app/spaces/_components/space-icons';
import { getCurrentUser } from '@/server/auth/current-user';
import { organisationJobAds } from '@/server/hub/jobs';
import { myOrganisations } from '@/server/hub/organisations';
import { getRuntime } from '@/server/runtime';
import { IconPlus } from '../../rooms/_components/room-icons';
import { ConfirmActionButton } from '@/app/hub/_components/ConfirmActionButton';
import { AddMemberForm } from './_components/AddMemberForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('jobs.organisations');
  return { title: t('metaTitle'), robots: { index: false } };
}

/** The employers a member belongs to, their members, and adding or leaving. */
export default async function OrganisationsPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent('/hub/organisations')}`);
  const { db } = getRuntime();
  const [t, tj, mine] = await Promise.all([getTranslations('jobs.organisations'), getTranslations('jobs.job'), myOrganisations(db, user.id)]);
  const ads = await organisationJobAds(
    db,
    mine.map((m) => m.organisation.id),
  );

  return (
    <Container className="flex flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={
          <ButtonLink href="/hub/organisations/new" variant={mine.length ? 'secondary' : 'primary'} iconStart={<IconPlus size={18} />}>
            {t('new')}
          </ButtonLink>
        }
      />

      {mine.length === 0 ? (
        <EmptyState
          icon={<IconBuilding size={28} />}
          title={t('emptyTitle')}
          body={t('emptyBody')}
          action={
            <ButtonLink href="/hub/organisations/new" iconStart={<IconPlus size={18} />}>
              {t('new')}
            </ButtonLink>
          }
        />
      ) : (
        <ul className="flex flex-col gap-6">
          {mine.map(({ organisation, members, openJobs }) => (
            <li key={organisation.id}>
              <section aria-labelledby={`org-${organisation.id}`} className="flex flex-col gap-6 rounded-2xl border border-sand-200 bg-white p-5 shadow-xs sm:p-6">
                <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <h2 id={`org-${organisation.id}`} className="text-xl font-semibold text-ink">
                      {organisation.name}
                    </h2>
                    <p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-ink-muted">
                      <span className="inline-flex items-center gap-1.5">
                        <IconSuitcase size={16} className="text-fjord-600" />
                        {t('openJobs', { count: openJobs })}
                      </span>
                      {organisation.website ? (
                        <a href={organisation.website} rel="noopener noreferrer nofollow" className="inline-flex items-center gap-1.5 rounded font-semibold break-all text-fjord-700 hover:underline">
                          <IconExternal size={16} />
                          {organisation.website.replace(/^https:\/\//, '')}
                        </a>
                      ) : null}
                    </p>
                  </div>
                  <ButtonLink href="/hub/jobs/new" iconStart={<IconPlus size={18} />} className="self-start">
                    {t('postJob')}
                  </ButtonLink>
                </div>

                <div className="grid gap-6 lg:grid-cols-2">
                  <div>
                    <h3 className="text-base font-semibold text-ink">{t('members')}</h3>
                    <ul className="mt-2 divide-y divide-sand-100 rounded-xl border border-sand-200">
                      {members.map((member) => (
                        <li key={member.userId} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 px-4 py-2.5">
                          <span className="font-medium text-ink">
                            {member.name}
                            {member.userId === user.id ? <span className="ml-1.5 text-sm font-normal text-ink-muted">({t('you')})</span> : null}
                          </span>
                          <span className="text-sm text-ink-muted">
                            {t('since')} <LocalTime value={member.joinedAt.toISOString()} dateStyle="medium" />
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                  <AddMemberForm organisationId={organisation.id} />
                </div>

                {ads.some((ad) => ad.organisationId === organisation.id) ? (
                  <div>
                    <h3 className="text-base font-semibold text-ink">{t('ads')}</h3>
                    <ul className="mt-2 divide-y divide-sand-100 rounded-xl border border-sand-200">
                      {ads
                        .filter((ad) => ad.organisationId === organisation.id)
                        .map((ad) => (
                          <li key={ad.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2.5">
                            <Link href={`/hub/jobs/${ad.slug}`} lang={ad.language} className="rounded font-medium text-fjord-700 hover:underline">
                              {ad.title}
                            </Link>
                            <span className="flex items-center gap-2 text-sm text-ink-muted">
                              {ad.closed ? <Badge tone="danger">{tj('closedBadge')}</Badge> : <Badge tone="success">{tj('openBadge')}</Badge>}
                              <LocalTime value={ad.expiresAt.toISOString()} dateStyle="medium" />
                            </span>
                          </li>
                        ))}
                    </ul>
                  </div>
                ) : null}

                <div className="border-t border-sand-100 pt-4">
                  <ConfirmActionButton
                    label={t('leave')}
                    icon={<IconSignOut size={18} />}
                    variant="ghost"
                    title={t('leaveTitle', { name: organisation.name })}
                    body={t('leaveBody')}
                    confirm={t('leaveConfirm')}
                    cancel={t('keep')}
                    failed={t('failed')}
                    endpoint={`/api/hub/organisations/${organisation.id}/members`}
                    method="DELETE"
                  />
                </div>
              </section>
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
