import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/Alert';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconBuilding, IconSuitcase } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { jobSearchSchema, openJobSkills, searchJobAds } from '@/server/hub/jobs';
import { getRuntime } from '@/server/runtime';
import { IconPlus } from '../../rooms/_components/room-icons';
import { JobCard } from './_components/JobCard';
import { JobFilters, type JobFilterValues } from './_components/JobFilters';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('jobs.list');
  return { title: t('metaTitle'), description: t('lead') };
}

type Params = Record<string, string | string[] | undefined>;
/** The newest ads that fit; more are found by narrowing the filters. */
const PAGE_SIZE = 60;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

/** Filters from the URL; the ones that fail the schema are dropped (and named), not an error page. */
function readFilters(params: Params): { values: JobFilterValues; input: Record<string, string>; invalid: boolean } {
  const values = { q: one(params.q).slice(0, 200), mode: one(params.mode), language: one(params.language), skill: one(params.skill).slice(0, 40) };
  const input: Record<string, string> = {};
  let invalid = false;
  for (const [key, value] of Object.entries(values)) {
    if (!value) continue;
    if (jobSearchSchema.safeParse({ [key]: value }).success) input[key] = value;
    else invalid = true;
  }
  return { values: { ...values, mode: input.mode ?? '', language: input.language ?? '' }, input, invalid };
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { values, input, invalid } = readFilters(await searchParams);
  const { db } = getRuntime();
  const [t, user, { jobs, total }, skills] = await Promise.all([getTranslations('jobs'), getCurrentUser(), searchJobAds(db, { ...input, limit: PAGE_SIZE }), openJobSkills(db)]);
  const filtered = Object.keys(input).length > 0;

  return (
    <Container size="wide" className="flex flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        eyebrow={t('list.eyebrow')}
        title={t('list.title')}
        lead={t('list.lead')}
        actions={
          <>
            <ButtonLink href="/hub/jobs/new" iconStart={<IconPlus size={18} />}>
              {t('list.post')}
            </ButtonLink>
            {user ? (
              <ButtonLink href="/hub/organisations" variant="secondary" iconStart={<IconBuilding size={18} />}>
                {t('list.organisations')}
              </ButtonLink>
            ) : null}
          </>
        }
      />

      <JobFilters values={values} skills={skills} />

      {invalid ? (
        <Alert tone="warning" role="status">
          {t('list.invalidFilters')}
        </Alert>
      ) : null}

      <section aria-labelledby="jobs-heading" className="flex flex-col gap-4">
        <h2 id="jobs-heading" className="sr-only">
          {t('list.resultsHeading')}
        </h2>
        <p role="status" className="text-base font-semibold text-ink">
          {t('list.count', { count: total })}
          {total > jobs.length ? <span className="block text-sm font-normal text-ink-muted">{t('list.showingNewest', { count: jobs.length })}</span> : null}
        </p>
        {jobs.length ? (
          <ul className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
            {jobs.map((job) => (
              <li key={job.id} className="flex [&>article]:w-full">
                <JobCard job={job} />
              </li>
            ))}
          </ul>
        ) : filtered ? (
          <EmptyState
            icon={<IconSuitcase size={28} />}
            headingLevel={3}
            title={t('list.emptyFilteredTitle')}
            body={t('list.emptyFilteredBody')}
            action={
              <ButtonLink href="/hub/jobs" variant="secondary">
                {t('list.clear')}
              </ButtonLink>
            }
          />
        ) : (
          <EmptyState
            icon={<IconSuitcase size={28} />}
            headingLevel={3}
            title={t('list.emptyTitle')}
            body={t('list.emptyBody')}
            action={
              <ButtonLink href="/hub/jobs/new" iconStart={<IconPlus size={18} />}>
                {t('list.post')}
              </ButtonLink>
            }
          />
        )}
      </section>
    </Container>
  );
}
