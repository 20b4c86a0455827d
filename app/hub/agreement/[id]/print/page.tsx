import type { Metadata } from 'next';
import { createTranslator } from 'next-intl';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft } from '@/app/_components/ui/Icon';
import en from '@/app/_i18n/messages/en/agreement.json';
import nb from '@/app/_i18n/messages/nb/agreement.json';
import { weekdayName } from '@/app/lessons/_lib/lesson-format';
import { formatLocalDate } from '@/app/spaces/_lib/space-format';
import { AGREEMENT_STEP_ORDER, type AgreementStep } from '@/server/hub/agreement';
import { PrintButton } from '../../_components/PrintButton';
import { loadDraftPage } from '../../_lib/load-draft';
import { STEP_FIELDS, type StepField } from '../../_lib/step-fields';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('agreement.print');
  return { title: t('metaTitle'), robots: { index: false } };
}

// The site's header, footer and skip link are not part of the agreement on paper.
const PRINT_CSS = `@media print {
  body > header, body > footer, body > a[href="#main"] { display: none !important; }
  body { background: #fff !important; }
  @page { margin: 18mm 16mm; }
}`;

/**
 * The agreement as a clean document in the draft's own language (not the viewer's), with print
 * CSS and one button for the browser's print dialogue (which also saves a PDF).
 */
export default async function AgreementPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = await loadDraftPage(id, `/hub/agreement/${id}/print`);
  const [site, timeZone] = await Promise.all([getTranslations('agreement.print'), getTimeZone()]);
  const lang = view.draft.language;
  const t = createTranslator({ locale: lang, messages: { agreement: lang === 'en' ? en : nb }, namespace: 'agreement' });
  const { data } = view;
  const list = (items: string[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);

  function answer(step: AgreementStep, field: StepField): string | null {
    const value = (data[step] as Record<string, unknown> | undefined)?.[field.name];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
    if (field.kind === 'checkbox') return value ? t('print.yes') : t('print.no');
    if (field.kind === 'date') return formatLocalDate(String(value), lang, { day: 'numeric', month: 'long', year: 'numeric' });
    if (field.kind === 'select' || field.kind === 'checkboxes') {
      const values = (Array.isArray(value) ? value : [value]).map(String);
      return list(values.map((v) => (field.options === 'weekdays' ? weekdayName(Number(v), lang) : t(`options.${field.options}.${v}` as 'options.payer.employer'))));
    }
    if (field.name === 'minimumSpeedMbps') return t('print.speed', { speed: Number(value) });
    if (field.name === 'trialMonths') return t('print.months', { count: Number(value) });
    return String(value);
  }

  const parties = data.parties;
  const sections = AGREEMENT_STEP_ORDER.filter((step) => step !== 'parties');
  const made = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone }).format(view.draft.updatedAt);

  return (
    <Container size="narrow" className="flex flex-col gap-8 py-10 print:max-w-none print:p-0">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-col gap-3 rounded-2xl border border-sand-200 bg-white p-4 sm:flex-row sm:items-center sm:justify-between print:hidden">
        <ButtonLink href={`/hub/agreement/${id}`} variant="ghost" size="sm" iconStart={<IconArrowLeft size={16} />}>
          {site('back')}
        </ButtonLink>
        <div className="flex flex-col gap-1 sm:items-end">
          <PrintButton label={site('toolbar')} />
          <p className="text-sm text-ink-muted">{site('hint')}</p>
        </div>
      </div>

      <article lang={lang} className="flex flex-col gap-7 rounded-2xl border border-sand-200 bg-white p-6 font-serif text-[1.0625rem] leading-relaxed text-ink sm:p-10 print:border-0 print:p-0 print:text-[11pt]">
        <header className="flex flex-col gap-3 border-b border-sand-300 pb-5">
          <h1 className="font-sans text-2xl font-bold sm:text-3xl">{t('print.title')}</h1>
          <p>
            {parties
              ? t('print.intro', {
                  employee: parties.employeeName,
                  employer: parties.employerName,
                  jobTitle: parties.jobTitle ? t('print.introJob', { jobTitle: parties.jobTitle }) : '',
                })
              : t('print.notAgreed')}
          </p>
        </header>

        {sections.map((step, index) => (
          <section key={step} aria-labelledby={`print-${step}`} className="flex break-inside-avoid flex-col gap-2">
            <h2 id={`print-${step}`} className="font-sans text-lg font-semibold">
              {index + 1}. {t(`steps.${step}.title`)}
            </h2>
            {data[step] ? (
              <dl className="grid gap-x-6 gap-y-1.5 sm:grid-cols-[14rem_minmax(0,1fr)] print:grid-cols-[14rem_minmax(0,1fr)]">
                {STEP_FIELDS[step].map((field) => {
                  const value = answer(step, field);
                  if (value === null) return null;
                  return (
                    <div key={field.name} className="contents">
                      <dt className="font-sans text-sm font-semibold text-ink-muted print:text-[9.5pt]">{t(`fields.${(field.label ?? field.name) as 'employeeName'}`)}</dt>
                      <dd className="whitespace-pre-line">{value}</dd>
                    </div>
                  );
                })}
              </dl>
            ) : (
              <p className="italic text-ink-muted">{t('print.notAgreed')}</p>
            )}
          </section>
        ))}

        <section aria-labelledby="print-signatures" className="flex break-inside-avoid flex-col gap-4 pt-4">
          <h2 id="print-signatures" className="font-sans text-lg font-semibold">
            {t('print.signatures')}
          </h2>
          <div className="grid gap-8 sm:grid-cols-2 print:grid-cols-2">
            {(['employee', 'employer'] as const).map((party) => (
              <div key={party} className="flex flex-col gap-6">
                <p className="font-sans font-semibold">
                  {t(`print.${party}`)}
                  {parties ? `: ${party === 'employee' ? parties.employeeName : parties.employerName}` : ''}
                </p>
                <p className="mt-6 border-t border-ink/60 pt-1 font-sans text-sm text-ink-muted">{t('print.place')}</p>
                <p className="mt-6 border-t border-ink/60 pt-1 font-sans text-sm text-ink-muted">{t('print.signature')}</p>
              </div>
            ))}
          </div>
        </section>
        <footer className="border-t border-sand-200 pt-3 font-sans text-xs text-ink-muted">{t('print.made', { date: made })}</footer>
      </article>
    </Container>
  );
}
