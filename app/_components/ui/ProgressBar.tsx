import { cx } from './class-names';

export type ProgressBarProps = {
  /** 0–100. */
  percent: number;
  /** The accessible name, e.g. "Upload progress". */
  label: string;
  /** Shown under the bar, e.g. "Uploading … 40 %". */
  status?: string;
  className?: string;
};

/** A determinate progress bar (uploads) with its text underneath. */
export function ProgressBar({ percent, label, status, className }: ProgressBarProps) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className={cx('flex flex-col gap-1.5', className)}>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} className="h-2.5 overflow-hidden rounded-full bg-sand-200">
        <div className="h-full rounded-full bg-fjord-600 transition-[width] duration-200" style={{ width: `${value}%` }} />
      </div>
      {status ? <p className="text-sm text-ink-muted">{status}</p> : null}
    </div>
  );
}
