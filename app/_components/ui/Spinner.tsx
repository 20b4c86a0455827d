import { useTranslations } from 'next-intl';
import { cx } from './class-names';

export type SpinnerSize = 'sm' | 'md' | 'lg';

export type SpinnerProps = {
  size?: SpinnerSize;
  /** Text for screen readers. Defaults to "Laster …" / "Loading …". */
  label?: string;
  /** Hide from assistive technology, e.g. inside a button that already has aria-busy. */
  decorative?: boolean;
  className?: string;
};

const SIZES: Record<SpinnerSize, string> = {
  sm: 'size-4',
  md: 'size-6',
  lg: 'size-10',
};

export function Spinner({ size = 'md', label, decorative = false, className }: SpinnerProps) {
  const t = useTranslations('common');
  const svg = (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      focusable="false"
      className={cx('animate-spin shrink-0', SIZES[size], className)}
    >
      <circle cx="12" cy="12" r="9.5" stroke="currentColor" strokeOpacity="0.22" strokeWidth="3" />
      <path d="M21.5 12A9.5 9.5 0 0 0 12 2.5" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
  if (decorative) return svg;
  return (
    <span role="status" className="inline-flex items-center">
      {svg}
      <span className="sr-only">{label ?? t('loading')}</span>
    </span>
  );
}
