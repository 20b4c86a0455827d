import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/Alert';
import { Container } from '@/app/_components/ui/Container';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { expiryDate, jobAdBySlug, jobAdSpaceIds } from '@/server/hub/jobs';
import { getRuntime } from '@/server/runtime';
import { JobForm } from '../../_components/JobForm';
import { jobFormData } from '../../_lib/job-form-data';

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('jobs.form');
  return { title: t('editMetaTitle'), robots: { index: false } };
}

/** Only members of the owning organisation edit; a later deadline reopens a closed ad. */
export default async function EditJobPage({ params }: Params) {
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/hub/jobs/${slug}/edit`)}`);
  const { db } = getRuntime();
  const page = await jobAdBySlug(db, slug, { id: user.id, role: user.role });
  if (!page) notFound();
  const t = await getTranslations('jobs.form');
  if (!page.canEdit) {
    return (
      <Container size="narrow" className="flex flex-col gap-8 py-8 sm:py-12">
        <PageHeader title={t('editTitle')} />
        <Alert tone="warning" role="none">
          {t('notMember')}
        </Alert>
      </Container>
    );
  }
  const [data, spaceIds] = await Promise.all([jobFormData(user.id), jobAdSpaceIds(db, page.ad.id)]);
  const { ad } = page;
  return (
    <Container size="default" className="flex flex-col gap-8 py-8 sm:py-12">
      <PageHeader eyebrow={page.organisation.name} title={t('editTitle')} />
      <JobForm
        mode="edit"
        jobId={ad.id}
        cancelHref={`/hub/jobs/${ad.slug}`}
        initial={{
          organisationId: ad.organisationId,
          title: ad.title,
          language: ad.language,
          description: ad.description,
          locationMode: ad.locationMode,
          skills: ad.skills.join(', '),
          teamMeets: ad.teamMeets,
          applyUrl: ad.applyUrl ?? '',
          applyEmail: ad.applyEmail ?? '',
          // A closed ad shows its past date; saving asks for a new one (which reopens it).
          expiresOn: expiryDate(ad.expiresAt),
          spaceIds,
        }}
        organisations={data.organisations}
        spaces={data.spaces}
        expiryRange={data.expiryRange}
      />
    </Container>
  );
}
