import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { LocalTime } from '@/app/_components/LocalTime';
import { Badge } from '@/app/_components/ui/Badge';
import { IconBuilding, IconUsers } from '@/app/_components/ui/Icon';
import type { JobListItem } from '@/server/hub/jobs';
import { LocationModeBadge } from './LocationModeBadge';

/** One open job in the list: mode, title (the card's one link), employer, skills, deadline. */
export function JobCard({ job }: { job: JobListItem }) {
  const t = useTranslations('jobs');
  const titleId = `job-${job.id}`;
  return (
    <article
      aria-labelledby={titleId}
      className="group relative flex flex-col gap-3 rounded-2xl border border-sand-200 bg-white p-5 shadow-xs transition-shadow duration-200 focus-within:shadow-md hover:border-fjord-200 hover:shadow-md sm:p-6"
    >
      <div className="flex flex-wrap items-center gap-2">
        <LocationModeBadge mode={job.locationMode} />
        <Badge tone="neutral">{t(`language.${job.language}`)}</Badge>
      </div>
      <div>
        <h3 id={titleId} className="text-lg font-semibold text-ink sm:text-xl" lang={job.language}>
          <Link href={`/hub/jobs/${job.slug}`} className="rounded-sm after:absolute after:inset-0 after:rounded-2xl after:content-[''] hover:text-fjord-700">
            {job.title}
          </Link>
        </h3>
        <p className="mt-1 flex items-center gap-1.5 text-sm font-medium text-fjord-800">
          <IconBuilding size={16} className="shrink-0" />
          {job.organisation.name}
        </p>
      </div>
      {job.skills.length ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={t('job.skills')}>
          {job.skills.map((skill) => (
            <li key={skill} className="rounded-md bg-sand-100 px-2 py-0.5 text-xs font-medium text-sand-800">
              {skill}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="flex items-start gap-1.5 text-sm text-ink-muted">
        <IconUsers size={16} className="mt-0.5 shrink-0 text-fjord-600" />
        <span className="line-clamp-2">
          {t('list.teamMeets')}: <span lang={job.language}>{job.teamMeets}</span>
        </span>
      </p>
      <div className="mt-auto flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-t border-sand-100 pt-3 text-sm text-ink-muted">
        <span>
          {t('list.deadline')}: <LocalTime value={job.expiresAt.toISOString()} dateStyle="long" className="font-semibold text-ink" />
        </span>
        {job.spaceCount > 0 ? <span>{t('list.spaces', { count: job.spaceCount })}</span> : null}
      </div>
    </article>
  );
}
