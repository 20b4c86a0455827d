import { cx } from '@/app/_components/ui/class-names';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = Array.from(parts[0] ?? '')[0] ?? '';
  const last = parts.length > 1 ? (Array.from(parts[parts.length - 1] ?? '')[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

// A stable, calm tint per member, so a thread is easy to scan by who is speaking.
const TINTS = [
  'bg-fjord-100 text-fjord-800',
  'bg-birch-100 text-birch-700',
  'bg-success-50 text-success-700',
  'bg-sand-200 text-sand-800',
  'bg-fjord-200 text-fjord-900',
];

function tint(key: string): string {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return TINTS[Math.abs(hash) % TINTS.length]!;
}

/** Initials in a circle; decorative, the name is always written next to it. */
export function Avatar({ name, handle, size = 'md', className }: { name: string; handle: string; size?: 'sm' | 'md' | 'lg'; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cx(
        'flex shrink-0 items-center justify-center rounded-full font-bold ring-2 ring-white',
        size === 'sm' && 'size-7 text-[0.6875rem]',
        size === 'md' && 'size-10 text-sm',
        size === 'lg' && 'size-20 text-2xl',
        tint(handle),
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
