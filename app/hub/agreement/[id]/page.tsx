import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft } from '@/app/_components/ui/Icon';
import { LocalTime } from '@/app/_components/LocalTime';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { CopyField } from '@/app/lessons/_components/CopyField';
import { AGREEMENT_STEP_ORDER, isAgreementStep } from '@/server/hub/agreement';
import { getRuntime } from '@/server/runtime';
import { AgreementPlanner } from '../_components/AgreementPlanner';
import { loadDraftPage } from '../_lib/load-draft';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('agreement.planner');
  return { title: t('metaTitle'), robots: { index: false } };
}

/** The multi-step planner for the owner and the partner, with the share link and the print view. */
export default async function AgreementDraftPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ step?: string }> }) {
  const [{ id }, { step }] = await Promise.all([params, searchParams]);
  const view = await loadDraftPage(id, `/hub/agreement/${id}`);
  const [t, tl] = await Promise.all([getTranslations('agreement.planner'), getTranslations('agreement.landing')]);
  const { draft, data, role } = view;
  const firstOpen = AGREEMENT_STEP_ORDER.find((s) => !data[s]) ?? AGREEMENT_STEP_ORDER[0]!;
  const shareUrl = `${getRuntime().config.publicUrl}/hub/agreement/share/${draft.shareToken}`;

  return (
    <Container size="wide" className="flex flex-col gap-8 py-10 sm:py-14">
      <div>
        <ButtonLink href="/hub/agreement" variant="ghost" size="sm" iconStart={<IconArrowLeft size={16} />} className="-ml-3">
          {t('back')}
        </ButtonLink>
      </div>
      <PageHeader
        eyebrow={tl('metaTitle')}
        title={draft.title || tl('untitled')}
        lead={
          view.updatedByName ? (
            <span className="text-base">
              {t('lastSaved', { name: view.updatedByName })}, <LocalTime value={draft.updatedAt.toISOString()} dateStyle="medium" timeStyle="short" />
            </span>
          ) : undefined
        }
        actions={
          <ButtonLink href={`/hub/agreement/${draft.id}/print`} variant="secondary">
            {t('print')}
          </ButtonLink>
        }
      />
      <AgreementPlanner
        draftId={draft.id}
        steps={AGREEMENT_STEP_ORDER}
        initialStep={isAgreementStep(step) ? step : firstOpen}
        saved={data as Record<string, Record<string, unknown>>}
        language={draft.language}
      />
      <Card as="section" aria-labelledby="share-heading" className="flex flex-col gap-3">
        <h2 id="share-heading" className="text-lg font-semibold text-ink">
          {t('shareHeading')}
        </h2>
        {role === 'partner' ? (
          <p className="text-ink-muted">{t('ownedBy', { name: view.ownerName })}</p>
        ) : view.partnerName ? (
          <p className="text-ink-muted">{t('sharedWith', { name: view.partnerName })}</p>
        ) : (
          <CopyField id="share-link" label={t('shareLink')} value={shareUrl} hint={t('shareHint')} labels={{ copy: t('copy'), copied: t('copied'), copyFailed: t('copyFailed') }} />
        )}
      </Card>
    </Container>
  );
}
