import { cx } from '../ui/class-names';

/**
 * The Hubro mark: a Eurasian eagle-owl (hubro) with its ear tufts, drawn to stay legible at 16px.
 * Decorative: always placed next to the wordmark, which carries the name.
 */
export function OwlMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={cx('shrink-0', className)}>
      <rect width="32" height="32" rx="8" className="fill-fjord-700" />
      <path
        d="M7 6.5 11.6 10.9Q16 9.3 20.4 10.9L25 6.5Q26.1 12 25.3 17.2 24 25.4 16 27 8 25.4 6.7 17.2 5.9 12 7 6.5Z"
        className="fill-sand-50"
      />
      <circle cx="12" cy="16.4" r="3.5" className="fill-birch-300" />
      <circle cx="20" cy="16.4" r="3.5" className="fill-birch-300" />
      <circle cx="12" cy="16.6" r="1.6" className="fill-fjord-950" />
      <circle cx="20" cy="16.6" r="1.6" className="fill-fjord-950" />
      <path
        d="M8.4 12.5 16 15.3 23.6 12.5"
        fill="none"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="stroke-fjord-700"
      />
      <path d="M14.7 20.2h2.6L16 22.6Z" className="fill-birch-400" />
    </svg>
  );
}
