import type { ReactNode } from 'react';
import { cx } from './class-names';

export type EmptyStateProps = {
  /** A decorative icon (e.g. <IconChat size={28} />); it is shown in a soft circle. */
  icon?: ReactNode;
  title: ReactNode;
  body?: ReactNode;
  /** A call to action, e.g. a <ButtonLink>. */
  action?: ReactNode;
  /** Heading level of the title; pick the one that fits the page outline. Defaults to 2. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
};

export function EmptyState({ icon, title, body, action, headingLevel = 2, className }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      className={cx(
        'flex flex-col items-center rounded-2xl border border-dashed border-sand-300 bg-sand-25 px-6 py-12 text-center sm:px-10',
        className,
      )}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="mb-5 flex size-16 items-center justify-center rounded-full bg-fjord-50 text-fjord-600 ring-8 ring-fjord-50/50"
        >
          {icon}
        </div>
      ) : null}
      <Heading className="text-lg font-semibold text-ink">{title}</Heading>
      {body ? <div className="mt-2 max-w-md text-[0.9375rem] text-ink-muted">{body}</div> : null}
      {action ? <div className="mt-6 flex flex-wrap justify-center gap-3">{action}</div> : null}
    </div>
  );
}
