import type { ReactNode } from 'react';
import { cx } from './class-names';

export type PageHeaderProps = {
  /** Small label above the title, e.g. the section name. */
  eyebrow?: ReactNode;
  title: ReactNode;
  lead?: ReactNode;
  /** Buttons or links shown beside (desktop) or below (phone) the title. */
  actions?: ReactNode;
  className?: string;
};

/** The page's <h1> with an optional lead paragraph and actions. */
export function PageHeader({ eyebrow, title, lead, actions, className }: PageHeaderProps) {
  return (
    <header className={cx('flex flex-col gap-6 md:flex-row md:items-end md:justify-between', className)}>
      <div className="max-w-3xl">
        {eyebrow ? <p className="mb-2 text-sm font-semibold tracking-wide text-fjord-700">{eyebrow}</p> : null}
        <h1 className="text-3xl font-bold text-ink sm:text-4xl">{title}</h1>
        {lead ? <p className="mt-3 text-lg text-ink-muted">{lead}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-3">{actions}</div> : null}
    </header>
  );
}
