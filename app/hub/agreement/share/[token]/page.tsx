import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/Alert';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { getCurrentUser } from '@/server/auth/current-user';
import { claimDraft } from '@/server/hub/agreement';
import { HubError } from '@/server/hub/errors';
import { getRuntime } from '@/server/runtime';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('agreement.share');
  return { title: t('metaTitle'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/**
 * Opening the share link: sign in first, then the draft is claimed as the partner's (or simply
 * opened by its parties) and the planner opens. A third account is refused with an explanation.
 */
export default async function ShareAgreementPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/hub/agreement/share/${token}`)}`);
  let draftId: string;
  try {
    draftId = (await claimDraft(getRuntime().db, { id: user.id, role: user.role }, token)).id;
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    const [t, te] = await Promise.all([getTranslations('agreement.share'), getTranslations('errors')]);
    return (
      <Container size="narrow" className="flex flex-col gap-6 py-14">
        <h1 className="text-3xl font-bold text-ink">{error.code === 'agreement_full' ? t('fullTitle') : t('invalidTitle')}</h1>
        <Alert tone="warning" role="none">
          {te(error.code as 'generic')}
        </Alert>
        <div>
          <ButtonLink href="/hub/agreement">{t('toMine')}</ButtonLink>
        </div>
      </Container>
    );
  }
  redirect(`/hub/agreement/${draftId}`);
}
