import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Container } from '@/app/_components/ui/Container';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { OrganisationForm } from '../_components/OrganisationForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('jobs.organisations');
  return { title: t('newMetaTitle'), robots: { index: false } };
}

/** Only the hub's own pages are followed after creating (never another site). */
function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  return next && /^\/hub\/[a-z0-9/-]*$/.test(next) ? next : '/hub/organisations';
}

export default async function NewOrganisationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/hub/organisations/new?next=${encodeURIComponent(next)}`)}`);
  const t = await getTranslations('jobs.organisations');
  return (
    <Container size="narrow" className="flex flex-col gap-8 py-8 sm:py-12">
      <PageHeader title={t('newTitle')} lead={t('newLead')} />
      <OrganisationForm next={next} />
    </Container>
  );
}
