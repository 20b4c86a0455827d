import { cx } from '@/app/_components/ui/class-names';

// Until covers can be uploaded (not wired on the server yet), every event gets a calm generated
// one: fjord and birch tones chosen from its slug, with a staff of "sound lines" drawn over it.
const PALETTES: Array<[string, string, string]> = [
  ['#163942', '#2f7e8d', '#8fdcc4'],
  ['#0c242b', '#236776', '#f0c777'],
  ['#1b4550', '#4a9aa8', '#fbefd6'],
  ['#2a2f4a', '#5a6fb0', '#aed7dd'],
  ['#3b2b2f', '#b0606e', '#f0c777'],
  ['#1f3a2c', '#4f8a5b', '#d5ebee'],
];

function hashOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619) >>> 0;
  return hash;
}

export function EventCover({ seed, className }: { seed: string; className?: string }) {
  const hash = hashOf(seed);
  const [deep, mid, light] = PALETTES[hash % PALETTES.length]!;
  const phase = (hash >>> 8) % 60;
  const lift = 30 + ((hash >>> 16) % 30);
  const id = `cover-${hash.toString(36)}`;
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 320 180" preserveAspectRatio="xMidYMid slice" className={cx('block size-full', className)}>
      <defs>
        <linearGradient id={`${id}-bg`} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor={deep} />
          <stop offset="1" stopColor={mid} />
        </linearGradient>
        <radialGradient id={`${id}-glow`} cx="0.78" cy="0.15" r="0.7">
          <stop offset="0" stopColor={light} stopOpacity="0.45" />
          <stop offset="1" stopColor={light} stopOpacity="0" />
        </radialGradient>
      </defs>
      <rect width="320" height="180" fill={`url(#${id}-bg)`} />
      <rect width="320" height="180" fill={`url(#${id}-glow)`} />
      <g fill="none" stroke={light} strokeLinecap="round">
        {[0, 1, 2, 3, 4].map((line) => (
          <path
            key={line}
            strokeOpacity={0.16 + line * 0.05}
            strokeWidth={1.2}
            d={`M-10 ${110 + line * 9} C ${60 + phase} ${110 + line * 9 - lift}, ${170 - phase} ${110 + line * 9 + lift}, 330 ${100 + line * 9}`}
          />
        ))}
      </g>
      <circle cx={250 - phase} cy="54" r="20" fill={light} fillOpacity="0.18" />
      <circle cx={250 - phase} cy="54" r="9" fill={light} fillOpacity="0.35" />
    </svg>
  );
}
