import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconBuilding } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { IconPlus } from '../../../rooms/_components/room-icons';
import { JobForm } from '../_components/JobForm';
import { jobFormData, newJobValues } from '../_lib/job-form-data';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('jobs.form');
  return { title: t('newMetaTitle'), robots: { index: false } };
}

/** Members of an organisation post here; a member without one is first asked to create it. */
export default async function NewJobPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent('/hub/jobs/new')}`);
  const t = await getTranslations('jobs.form');
  const data = await jobFormData(user.id);

  return (
    <Container size="default" className="flex flex-col gap-8 py-8 sm:py-12">
      <PageHeader title={t('newTitle')} lead={t('newLead')} />
      {data.organisations.length === 0 ? (
        <EmptyState
          icon={<IconBuilding size={28} />}
          title={t('needOrganisationTitle')}
          body={t('needOrganisationBody')}
          action={
            <ButtonLink href={`/hub/organisations/new?next=${encodeURIComponent('/hub/jobs/new')}`} iconStart={<IconPlus size={18} />}>
              {t('createOrganisation')}
            </ButtonLink>
          }
        />
      ) : (
        <JobForm
          mode="create"
          cancelHref="/hub/jobs"
          initial={newJobValues(data.organisations[0]!.id, user.locale, data.expiryRange)}
          organisations={data.organisations}
          spaces={data.spaces}
          expiryRange={data.expiryRange}
        />
      )}
    </Container>
  );
}
