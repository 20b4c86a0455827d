import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/Alert';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { CopyField } from '@/app/lessons/_components/CopyField';
import { studyTripByToken } from '@/server/hub/study-trips';
import { getRuntime } from '@/server/runtime';
import { ProgrammeView } from '../../_components/ProgrammeView';
import { RequestSummary } from '../../_components/RequestSummary';
import { StatusRefresher } from '../../_components/StatusRefresher';
import { StatusSteps } from '../../_components/StatusSteps';
import { TripLog } from '../../_components/TripLog';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('studyTrips.statusPage');
  // The token is the key to the page: never indexed, never sent on as a referrer.
  return { title: t('metaTitle'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/** The requester's page, by the secret token: status, programme and messages; it refreshes itself. */
export default async function StudyTripStatusPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ sent?: string }> }) {
  const [{ token }, { sent }, t, ts, tl] = await Promise.all([
    params,
    searchParams,
    getTranslations('studyTrips.statusPage'),
    getTranslations('studyTrips.status'),
    getTranslations('studyTrips.landing'),
  ]);
  const view = await studyTripByToken(getRuntime().db, token);
  if (!view) notFound();
  const { request, programme, events } = view;
  const statusLabel = ts(request.status);
  const link = `${getRuntime().config.publicUrl}/hub/study-trips/status/${request.statusToken}`;

  return (
    <Container size="default" className="flex flex-col gap-10 py-10 sm:py-14">
      <div>
        <ButtonLink href="/hub/study-trips" variant="ghost" size="sm" iconStart={<IconArrowLeft size={16} />} className="-ml-3">
          {tl('metaTitle')}
        </ButtonLink>
      </div>
      <PageHeader eyebrow={t('eyebrow')} title={request.organisation} lead={t('updated', { status: statusLabel.toLowerCase() })} />
      <StatusRefresher status={request.status} label={statusLabel.toLowerCase()} />

      {sent === '1' ? (
        <Card className="flex flex-col gap-4 border-success-200 bg-success-50/40">
          <Alert tone="success" title={t('sentTitle')} role="none">
            {t('sentBody')}
          </Alert>
          <CopyField id="status-link" label={t('link')} value={link} labels={{ copy: t('copy'), copied: t('copied'), copyFailed: t('copyFailed') }} />
        </Card>
      ) : null}

      <section aria-labelledby="steps-heading" className="flex flex-col gap-4">
        <h2 id="steps-heading" className="sr-only">
          {t('stepsLabel')}
        </h2>
        <StatusSteps status={request.status} />
        {request.status === 'confirmed' ? (
          <Alert tone="success" title={t('confirmedTitle')} role="none">
            {t('confirmedBody')}
          </Alert>
        ) : request.status === 'declined' ? (
          <Alert tone="warning" title={t('declinedTitle')} role="none">
            {t('declinedBody')}
          </Alert>
        ) : (
          <p className="text-sm text-ink-muted">{t('autoRefresh')}</p>
        )}
      </section>

      <section aria-labelledby="programme-heading" className="flex flex-col gap-4">
        <h2 id="programme-heading" className="text-2xl font-semibold text-ink">
          {t('programmeHeading')}
        </h2>
        {programme.length > 0 ? (
          <>
            {request.status !== 'confirmed' ? <p className="text-ink-muted">{t('programmeProposed')}</p> : null}
            <ProgrammeView programme={programme} />
          </>
        ) : (
          <p className="rounded-2xl border border-dashed border-sand-300 bg-sand-25 p-6 text-ink-muted">{t('programmeEmpty')}</p>
        )}
      </section>

      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="log-heading" className="flex flex-col gap-4">
          <h2 id="log-heading" className="text-2xl font-semibold text-ink">
            {t('logHeading')}
          </h2>
          <TripLog events={events} />
        </section>
        <section aria-labelledby="request-heading" className="flex flex-col gap-4">
          <h2 id="request-heading" className="text-2xl font-semibold text-ink">
            {t('requestHeading')}
          </h2>
          <Card>
            <RequestSummary request={request} />
          </Card>
        </section>
      </div>
    </Container>
  );
}
