import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LocalTime } from '@/app/_components/LocalTime';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconSuitcase } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { AGREEMENT_STEP_ORDER, myDrafts } from '@/server/hub/agreement';
import { getRuntime } from '@/server/runtime';
import { StartDraftForm } from './_components/StartDraftForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('agreement.landing');
  return { title: t('metaTitle'), description: t('lead') };
}

/** What the planner covers, starting a draft, and the member's drafts. */
export default async function AgreementLandingPage() {
  const [t, ts, user] = await Promise.all([getTranslations('agreement.landing'), getTranslations('agreement.steps'), getCurrentUser()]);
  const drafts = user ? await myDrafts(getRuntime().db, { id: user.id, role: user.role }) : [];

  return (
    <Container size="wide" className="flex flex-col gap-12 py-10 sm:py-14">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} lead={t('lead')} />

      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="covers-heading" className="flex flex-col gap-4">
          <h2 id="covers-heading" className="text-2xl font-semibold text-ink">
            {t('coversHeading')}
          </h2>
          <ol className="grid gap-3 sm:grid-cols-2">
            {AGREEMENT_STEP_ORDER.map((step, index) => (
              <li key={step} className="flex gap-3 rounded-xl border border-sand-200 bg-white p-4">
                <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-fjord-50 text-sm font-bold text-fjord-700">
                  {index + 1}
                </span>
                <span className="flex flex-col gap-1">
                  <span className="font-semibold text-ink">{ts(`${step}.title`)}</span>
                  <span className="text-sm text-ink-muted">{ts(`${step}.lead`)}</span>
                </span>
              </li>
            ))}
          </ol>
        </section>

        <Card as="section" aria-labelledby="start-heading" padding="lg" className="flex h-fit flex-col gap-4">
          <h2 id="start-heading" className="text-xl font-semibold text-ink">
            {user ? t('start') : t('signInToStart')}
          </h2>
          <p className="text-ink-muted">{t('signInBody')}</p>
          {user ? (
            <StartDraftForm />
          ) : (
            <div>
              <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent('/hub/agreement')}`}>{t('signInToStart')}</ButtonLink>
            </div>
          )}
        </Card>
      </div>

      {user ? (
        <section aria-labelledby="mine-heading" className="flex flex-col gap-5">
          <h2 id="mine-heading" className="text-2xl font-semibold text-ink">
            {t('mineHeading')}
          </h2>
          {drafts.length > 0 ? (
            <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {drafts.map((draft) => (
                <li key={draft.id} className="flex">
                  <Card as="article" interactive className="flex w-full flex-col gap-2" aria-labelledby={`draft-${draft.id}`}>
                    <h3 id={`draft-${draft.id}`} className="text-lg font-semibold text-ink">
                      <Link href={`/hub/agreement/${draft.id}`} className="link after:absolute after:inset-0">
                        {draft.title || t('untitled')}
                      </Link>
                    </h3>
                    <div className="flex flex-wrap gap-2">
                      <Badge tone={draft.role === 'owner' ? 'neutral' : 'accent'}>{draft.role === 'owner' ? t('roleOwner') : t('rolePartner')}</Badge>
                      <Badge tone="primary">{t('progress', { done: draft.stepsDone, total: AGREEMENT_STEP_ORDER.length })}</Badge>
                    </div>
                    <p className="text-sm text-ink-muted">{draft.otherName ? t('with', { name: draft.otherName }) : t('notShared')}</p>
                    <p className="text-sm text-ink-muted">
                      {t('updated')} <LocalTime value={draft.updatedAt.toISOString()} dateStyle="medium" timeStyle="short" />
                    </p>
                  </Card>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState icon={<IconSuitcase size={28} />} headingLevel={3} title={t('mineEmptyTitle')} body={t('mineEmptyBody')} />
          )}
        </section>
      ) : null}
    </Container>
  );
}
