import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { LocalTime } from '@/app/_components/LocalTime';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink, buttonClassName } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { Fact } from '@/app/_components/ui/Fact';
import { IconArrowLeft, IconBuilding, IconCalendar, IconClose, IconGlobe, IconMapPin, IconUsers } from '@/app/_components/ui/Icon';
import { PostBody } from '@/app/forum/_components/PostBody';
import { IconExternal, IconMail, IconPencil } from '@/app/spaces/_components/space-icons';
import { getCurrentUser } from '@/server/auth/current-user';
import { jobAdBySlug } from '@/server/hub/jobs';
import { getRuntime } from '@/server/runtime';
import { ConfirmActionButton } from '@/app/hub/_components/ConfirmActionButton';
import { LocationModeBadge } from '../_components/LocationModeBadge';

type Params = { params: Promise<{ slug: string }> };

// generateMetadata and the page ask once per request.
const loadJob = cache(async (slug: string) => {
  const user = await getCurrentUser();
  const page = await jobAdBySlug(getRuntime().db, slug, user ? { id: user.id, role: user.role } : null);
  return { user, page };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { page } = await loadJob((await params).slug);
  if (!page) return {};
  return {
    title: `${page.ad.title} · ${page.organisation.name}`,
    description: page.ad.teamMeets,
    // A closed ad keeps its URL for those who have it, but leaves search engines.
    robots: page.closed ? { index: false } : undefined,
  };
}

export default async function JobPage({ params }: Params) {
  const { slug } = await params;
  const { page } = await loadJob(slug);
  if (!page) notFound();
  const { ad, organisation, closed, spaces, canEdit, canClose } = page;
  const t = await getTranslations('jobs');
  const moderating = canClose && !canEdit;

  return (
    <Container className="flex flex-col gap-8 py-8 sm:py-12">
      <nav aria-label={t('job.breadcrumb')}>
        <Link href="/hub/jobs" className="inline-flex items-center gap-1.5 rounded text-sm font-semibold text-fjord-700 hover:underline">
          <IconArrowLeft size={16} />
          {t('job.back')}
        </Link>
      </nav>

      <header className="flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
        <div className="max-w-3xl">
          <div className="flex flex-wrap items-center gap-2">
            {closed ? <Badge tone="danger">{t('job.closedBadge')}</Badge> : <Badge tone="success">{t('job.openBadge')}</Badge>}
            <LocationModeBadge mode={ad.locationMode} />
          </div>
          <h1 className="mt-3 text-3xl font-bold text-ink sm:text-4xl" lang={ad.language}>
            {ad.title}
          </h1>
          <p className="mt-2 flex items-center gap-1.5 text-lg text-ink-muted">
            <IconBuilding size={18} className="shrink-0" />
            {organisation.name}
          </p>
        </div>
        {canEdit || canClose ? (
          <div className="flex flex-wrap gap-3">
            {canEdit ? (
              <ButtonLink href={`/hub/jobs/${ad.slug}/edit`} variant="secondary" iconStart={<IconPencil size={18} />}>
                {t('job.edit')}
              </ButtonLink>
            ) : null}
            {canClose ? (
              <ConfirmActionButton
                label={t('job.close')}
                icon={<IconClose size={18} />}
                title={t('job.closeTitle')}
                body={moderating ? t('job.closeModeration') : t('job.closeBody')}
                confirm={t('job.closeConfirm')}
                cancel={t('job.keep')}
                failed={t('job.closeFailed')}
                endpoint={`/api/hub/jobs/${ad.id}/close`}
              />
            ) : null}
          </div>
        ) : null}
      </header>

      {closed ? (
        <Alert tone="warning" role="none" title={t('job.closedTitle')}>
          {t('job.closedBody')}
        </Alert>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="flex min-w-0 flex-col gap-8">
          <section aria-labelledby="about-heading" className="flex flex-col gap-3">
            <h2 id="about-heading" className="text-xl font-semibold text-ink">
              {t('job.about')}
            </h2>
            <PostBody html={ad.html} lang={ad.language} />
          </section>

          {ad.skills.length ? (
            <section aria-labelledby="skills-heading" className="flex flex-col gap-3">
              <h2 id="skills-heading" className="text-xl font-semibold text-ink">
                {t('job.skills')}
              </h2>
              <ul className="flex flex-wrap gap-2">
                {ad.skills.map((skill) => (
                  <li key={skill}>
                    <Link
                      href={`/hub/jobs?skill=${encodeURIComponent(skill)}`}
                      className="inline-flex rounded-md bg-sand-100 px-2.5 py-1 text-sm font-medium text-sand-800 hover:bg-fjord-50 hover:text-fjord-800"
                    >
                      {skill}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="team-heading" className="flex flex-col gap-3">
            <h2 id="team-heading" className="text-xl font-semibold text-ink">
              {t('job.teamMeets')}
            </h2>
            <p className="flex items-start gap-2 text-ink" lang={ad.language}>
              <IconUsers size={20} className="mt-0.5 shrink-0 text-fjord-600" />
              <span className="min-w-0 flex-1">{ad.teamMeets}</span>
            </p>
          </section>

          {spaces.length ? (
            <section aria-labelledby="spaces-heading" className="flex flex-col gap-3">
              <div>
                <h2 id="spaces-heading" className="text-xl font-semibold text-ink">
                  {t('job.recommended')}
                </h2>
                <p className="mt-1 text-ink-muted">{t('job.recommendedLead')}</p>
              </div>
              <ul className="grid gap-3 sm:grid-cols-2">
                {spaces.map((space) => (
                  <li key={space.slug}>
                    <Link
                      href={`/spaces/${space.slug}`}
                      className="flex h-full items-start gap-3 rounded-xl border border-sand-200 bg-white p-4 shadow-xs hover:border-fjord-300 hover:bg-fjord-50/40"
                    >
                      <IconMapPin size={20} className="mt-0.5 shrink-0 text-fjord-600" />
                      <span>
                        <span className="block font-semibold text-ink">{space.name}</span>
                        <span className="block text-sm text-ink-muted">{[space.city, space.municipality].filter((v, i, all) => v && all.indexOf(v) === i).join(', ')}</span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {ad.locationMode === 'hub' && !closed ? (
            <p>
              <Link href="/spaces" className="inline-flex items-center gap-1.5 rounded font-semibold text-fjord-700 hover:underline">
                <IconMapPin size={18} />
                {t('job.findHub')}
              </Link>
            </p>
          ) : null}
        </div>

        <aside aria-labelledby="apply-heading" className="flex flex-col gap-5 rounded-2xl border border-sand-200 bg-white p-5 shadow-xs sm:p-6 lg:sticky lg:top-24">
          <h2 id="apply-heading" className="text-lg font-semibold text-ink">
            {closed ? t('job.applyClosedHeading') : t('job.applyHeading')}
          </h2>
          <dl className="flex flex-col gap-4">
            <Fact Icon={IconCalendar} label={closed ? t('job.closedAt') : t('job.deadline')}>
              <LocalTime value={ad.expiresAt.toISOString()} dateStyle="long" timeStyle="short" />
            </Fact>
            <Fact Icon={IconGlobe} label={t('job.languageLabel')}>
              {t(`language.${ad.language}`)}
            </Fact>
            <Fact Icon={IconCalendar} label={t('job.posted')}>
              <LocalTime value={ad.createdAt.toISOString()} dateStyle="long" />
            </Fact>
          </dl>
          {closed ? null : (
            <div className="flex flex-col gap-3">
              {ad.applyUrl ? (
                <a href={ad.applyUrl} rel="noopener noreferrer nofollow" className={buttonClassName({ fullWidth: true })}>
                  <IconExternal size={18} />
                  {t('job.applyUrl')}
                </a>
              ) : null}
              {ad.applyEmail ? (
                <a
                  href={`mailto:${ad.applyEmail}?subject=${encodeURIComponent(t('job.applyEmailSubject', { title: ad.title }))}`}
                  className={buttonClassName({ variant: ad.applyUrl ? 'secondary' : 'primary', fullWidth: true })}
                >
                  <IconMail size={18} />
                  {t('job.applyEmail')}
                </a>
              ) : null}
              {ad.applyEmail ? <p className="text-center text-sm break-all text-ink-muted">{ad.applyEmail}</p> : null}
            </div>
          )}
          {organisation.website ? (
            <a href={organisation.website} rel="noopener noreferrer nofollow" className="inline-flex items-center gap-1.5 rounded text-sm font-semibold text-fjord-700 hover:underline">
              <IconExternal size={16} />
              {t('job.organisationWebsite', { name: organisation.name })}
            </a>
          ) : null}
        </aside>
      </div>
    </Container>
  );
}
