import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Button } from '@/app/_components/ui/Button';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextField } from '@/app/_components/ui/TextField';
import { JOB_LANGUAGES, JOB_LOCATION_MODES } from '../_lib/job-values';

export interface JobFilterValues {
  q: string;
  mode: string;
  language: string;
  skill: string;
}

/**
 * The list's filters as a plain GET form: they live in the URL (a search can be shared) and
 * work without JavaScript.
 */
export function JobFilters({ values, skills }: { values: JobFilterValues; skills: string[] }) {
  const t = useTranslations('jobs');
  const active = Object.values(values).some(Boolean);
  return (
    <section aria-labelledby="job-filters-heading" className="rounded-2xl border border-sand-200 bg-sand-25 p-4 sm:p-5">
      <h2 id="job-filters-heading" className="sr-only">
        {t('filters.heading')}
      </h2>
      <form action="/hub/jobs" method="get" role="search" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.6fr)_repeat(3,minmax(0,1fr))_auto] lg:items-end">
        <TextField
          label={t('filters.q')}
          name="q"
          type="search"
          defaultValue={values.q}
          placeholder={t('filters.qPlaceholder')}
          maxLength={200}
          className="sm:col-span-2 lg:col-span-1"
        />
        <SelectField
          label={t('filters.mode')}
          name="mode"
          defaultValue={values.mode}
          placeholder={t('filters.modeAll')}
          options={JOB_LOCATION_MODES.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))}
        />
        <SelectField
          label={t('filters.language')}
          name="language"
          defaultValue={values.language}
          placeholder={t('filters.languageAll')}
          options={JOB_LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
        />
        <SelectField
          label={t('filters.skill')}
          name="skill"
          defaultValue={values.skill}
          placeholder={t('filters.skillAll')}
          options={[...(values.skill && !skills.some((s) => s.toLowerCase() === values.skill.toLowerCase()) ? [values.skill] : []), ...skills].map((skill) => ({ value: skill, label: skill }))}
          className="sm:col-span-2 lg:col-span-1"
        />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-1">
          <Button type="submit">{t('filters.submit')}</Button>
          {active ? (
            <Link href="/hub/jobs" className="rounded text-sm font-semibold text-fjord-700 hover:underline">
              {t('list.clear')}
            </Link>
          ) : null}
        </div>
      </form>
    </section>
  );
}
