import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { HubError } from '@/server/hub/errors';
import { nextStatuses, studyTripForAdmin } from '@/server/hub/study-trips';
import { getRuntime } from '@/server/runtime';
import { RequestSummary } from '../../_components/RequestSummary';
import { StatusSteps } from '../../_components/StatusSteps';
import { TripLog } from '../../_components/TripLog';
import { STATUS_TONE } from '../../_lib/status-tone';
import { MessageForm } from '../_components/MessageForm';
import { MoveButtons } from '../_components/MoveButtons';
import { ProgrammeEditor } from '../_components/ProgrammeEditor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('studyTrips.admin');
  return { title: t('metaTitle'), robots: { index: false } };
}

/** One request for admins: its status and moves, the programme editor, messages and the log. */
export default async function StudyTripAdminPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/hub/study-trips/admin/${id}`)}`);
  if (user.role !== 'admin') notFound();
  const view = await studyTripForAdmin(getRuntime().db, { id: user.id, role: user.role }, id).catch((error: unknown) => {
    if (error instanceof HubError && error.status === 404) return null;
    throw error;
  });
  if (!view) notFound();
  const [t, ts] = await Promise.all([getTranslations('studyTrips.admin'), getTranslations('studyTrips.status')]);
  const { request, programme, events } = view;
  const next = nextStatuses(request.status);

  return (
    <Container size="wide" className="flex flex-col gap-8 py-10 sm:py-14">
      <div>
        <ButtonLink href="/hub/study-trips/admin" variant="ghost" size="sm" iconStart={<IconArrowLeft size={16} />} className="-ml-3">
          {t('back')}
        </ButtonLink>
      </div>
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t('requestTitle', { organisation: request.organisation })}
        actions={<Badge tone={STATUS_TONE[request.status]}>{ts(request.status)}</Badge>}
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex min-w-0 flex-col gap-8">
          <Panel id="move-heading" title={t('moveHeading')}>
            <StatusSteps status={request.status} />
            {/* Kept mounted when the request becomes final, so its "now confirmed" status stays after the refresh. */}
            <MoveButtons requestId={request.id} organisation={request.organisation} next={next} />
            {next.length === 0 ? (
              <Alert tone="info" role="none">
                {t('final', { status: ts(request.status).toLowerCase() })}
              </Alert>
            ) : null}
          </Panel>
          <Panel id="programme-heading" title={t('programmeHeading')}>
            <p className="-mt-2 text-sm text-ink-muted">{t('programmeLead')}</p>
            {request.status === 'declined' ? null : <ProgrammeEditor requestId={request.id} initial={programme} firstDate={request.wantedFrom} />}
          </Panel>
          <Panel id="message-heading" title={t('messageHeading')}>
            <MessageForm requestId={request.id} />
          </Panel>
        </div>
        <div className="flex min-w-0 flex-col gap-8">
          <Card className="flex flex-col gap-4">
            <RequestSummary request={request} />
            <ul className="flex flex-col gap-1 border-t border-sand-200 pt-3 text-sm text-ink-muted">
              <li>{request.consentPublic ? t('consentYes') : t('consentNo')}</li>
              <li>{t('language', { language: t(`languages.${request.locale}`) })}</li>
              <li>
                <Link href={`/hub/study-trips/status/${request.statusToken}`} className="link">
                  {t('statusPage')}
                </Link>
              </li>
            </ul>
          </Card>
          <section aria-labelledby="log-heading" className="flex flex-col gap-4">
            <h2 id="log-heading" className="text-xl font-semibold text-ink">
              {(await getTranslations('studyTrips.statusPage'))('logHeading')}
            </h2>
            <TripLog events={events} showAuthors />
          </section>
        </div>
      </div>
    </Container>
  );
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card as="section" aria-labelledby={id} className="flex flex-col gap-5">
      <h2 id={id} className="text-xl font-semibold text-ink">
        {title}
      </h2>
      {children}
    </Card>
  );
}
