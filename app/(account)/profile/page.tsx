import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LocalTime } from '@/app/_components/LocalTime';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { getRuntime } from '@/server/runtime';
import { ProfileForm } from './ProfileForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('profile');
  return { title: t('title') };
}

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/profile');
  const [t, tc] = await Promise.all([getTranslations('profile'), getTranslations('common.account')]);
  const welcome = (await searchParams).welcome === '1';
  const emailEnabled = getRuntime().mailer.enabled;
  return (
    <Container size="narrow" className="flex flex-col gap-8 py-10 sm:py-14">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} lead={t('lead')} />
      {welcome ? (
        <Alert tone="success" title={t('welcomeTitle', { name: user.name })}>
          {t('welcomeBody')}
        </Alert>
      ) : null}
      <Card as="section" aria-labelledby="account-heading">
        <h2 id="account-heading" className="text-lg font-semibold text-ink">
          {t('account')}
        </h2>
        <dl className="mt-4 grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-ink-muted">{t('email')}</dt>
            <dd className="mt-1 font-medium break-all text-ink">{user.email}</dd>
          </div>
          <div>
            <dt className="text-sm text-ink-muted">{t('role')}</dt>
            <dd className="mt-1">
              <Badge tone={user.role === 'member' ? 'neutral' : 'primary'}>{tc(`roles.${user.role}`)}</Badge>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-ink-muted">{t('memberSince')}</dt>
            <dd className="mt-1 font-medium text-ink">
              <LocalTime value={user.memberSince} dateStyle="long" />
            </dd>
          </div>
        </dl>
      </Card>
      <Card as="section" aria-labelledby="email-heading">
        <h2 id="email-heading" className="text-lg font-semibold text-ink">
          {t('emailHeading')}
        </h2>
        <p className="mt-2 text-ink-muted">{emailEnabled ? t('emailOn', { email: user.email }) : t('emailOff')}</p>
      </Card>
      <Card as="section" aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="text-lg font-semibold text-ink">
          {t('details')}
        </h2>
        <ProfileForm
          initial={{ displayName: user.name, homeMunicipality: user.homeMunicipality ?? '', locale: user.locale }}
        />
      </Card>
    </Container>
  );
}
