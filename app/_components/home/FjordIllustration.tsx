import { cx } from '../ui/class-names';

/**
 * Decorative scene: polar-night sky with northern lights over a fjord, and a village whose houses
 * are strung together by a glowing fibre line (Dyrøy connected every house early on).
 */
export function FjordIllustration({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 560 440"
      aria-hidden="true"
      focusable="false"
      preserveAspectRatio="xMidYMid slice"
      className={cx('block', className)}
    >
      <defs>
        <linearGradient id="fjord-sky" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#0c242b" />
          <stop offset="0.6" stopColor="#1b4550" />
          <stop offset="1" stopColor="#2f7e8d" />
        </linearGradient>
        <linearGradient id="fjord-aurora" x1="0" y1="0" x2="1" y2="0">
          <stop offset="0" stopColor="#8fdcc4" stopOpacity="0" />
          <stop offset="0.35" stopColor="#8fdcc4" stopOpacity="0.75" />
          <stop offset="0.7" stopColor="#5fc7a8" stopOpacity="0.45" />
          <stop offset="1" stopColor="#5fc7a8" stopOpacity="0" />
        </linearGradient>
        <linearGradient id="fjord-water" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#236776" />
          <stop offset="1" stopColor="#0c242b" />
        </linearGradient>
        <filter id="fjord-blur" x="-20%" y="-50%" width="140%" height="200%">
          <feGaussianBlur stdDeviation="9" />
        </filter>
        <filter id="fjord-glow" x="-50%" y="-50%" width="200%" height="200%">
          <feGaussianBlur stdDeviation="2.5" />
        </filter>
      </defs>

      <rect width="560" height="440" fill="url(#fjord-sky)" />

      <g fill="#f4f8f8">
        <circle cx="42" cy="38" r="1.2" opacity="0.8" />
        <circle cx="118" cy="22" r="0.9" opacity="0.6" />
        <circle cx="176" cy="64" r="1.1" opacity="0.7" />
        <circle cx="262" cy="30" r="1.4" opacity="0.85" />
        <circle cx="318" cy="58" r="0.9" opacity="0.6" />
        <circle cx="372" cy="20" r="1.1" opacity="0.7" />
        <circle cx="512" cy="44" r="1.2" opacity="0.75" />
        <circle cx="536" cy="118" r="0.9" opacity="0.5" />
        <circle cx="84" cy="104" r="0.9" opacity="0.5" />
        <circle cx="224" cy="112" r="0.8" opacity="0.45" />
      </g>

      <g filter="url(#fjord-blur)">
        <path
          d="M-30 150C70 70 170 170 280 100S470 40 600 110"
          fill="none"
          stroke="url(#fjord-aurora)"
          strokeWidth="34"
        />
        <path
          d="M-30 185C90 120 200 190 300 140S480 90 600 150"
          fill="none"
          stroke="url(#fjord-aurora)"
          strokeWidth="16"
          opacity="0.6"
        />
      </g>

      <circle cx="450" cy="78" r="17" fill="#fbefd6" opacity="0.92" />
      <circle cx="450" cy="78" r="30" fill="#fbefd6" opacity="0.08" />

      {/* Far peaks with snow. */}
      <path
        d="M0 262 62 196l40 34 64-82 70 76 52-44 58 62 62-76 62 58 50-30 40 26v90H0Z"
        fill="#4a9aa8"
        opacity="0.5"
      />
      <path d="m166 148-22 28 14-6 10 10 12-10 16 6Z" fill="#eef7f8" opacity="0.55" />
      <path d="m412 170-18 22 12-4 8 8 10-8 12 4Z" fill="#eef7f8" opacity="0.5" />
      <path d="m62 196-16 17 10-3 8 6 8-6 10 3Z" fill="#eef7f8" opacity="0.45" />

      {/* Near ridge. */}
      <path d="M0 292 70 246l64 30 96-62 78 50 88-44 94 52 70-28v72H0Z" fill="#1e5461" />

      <rect y="300" width="560" height="140" fill="url(#fjord-water)" />
      <g stroke="#aed7dd" strokeLinecap="round" opacity="0.28">
        <path d="M60 318h60M300 314h90M430 326h50" strokeWidth="2" />
        <path d="M170 332h40M360 340h30M80 346h34" strokeWidth="1.5" />
        <path d="M438 300c4 14 2 30 0 44" strokeWidth="6" stroke="#fbefd6" opacity="0.35" />
      </g>

      {/* Shore. */}
      <path d="M0 372c70-14 150-16 230-8s190 18 330-6v82H0Z" fill="#0c242b" />

      {/* The fibre line, with a soft glow behind it. */}
      <path
        d="M-10 392c40-6 70-8 104-10s70-2 112 0 80 6 128 8 98 0 236-16"
        fill="none"
        stroke="#8fdcc4"
        strokeWidth="5"
        opacity="0.45"
        filter="url(#fjord-glow)"
      />
      <path
        d="M-10 392c40-6 70-8 104-10s70-2 112 0 80 6 128 8 98 0 236-16"
        fill="none"
        stroke="#8fdcc4"
        strokeWidth="1.6"
        strokeDasharray="1 6"
        strokeLinecap="round"
      />

      {/* Houses and the office hotel. */}
      <g>
        <path d="M78 382v-22l16-13 16 13v22Z" fill="#b4432f" />
        <path d="M74 361 94 344l20 17" fill="none" stroke="#0c242b" strokeWidth="3" />
        <rect x="89" y="364" width="9" height="9" fill="#f0c777" />

        <path d="M176 380v-30h66v30Z" fill="#eef7f8" />
        <path d="M170 352 209 330l39 22Z" fill="#1b4550" />
        <g fill="#f0c777">
          <rect x="184" y="357" width="9" height="8" />
          <rect x="198" y="357" width="9" height="8" />
          <rect x="212" y="357" width="9" height="8" />
          <rect x="226" y="357" width="9" height="8" />
          <rect x="184" y="369" width="9" height="8" opacity="0.55" />
          <rect x="226" y="369" width="9" height="8" />
        </g>
        <rect x="203" y="368" width="12" height="12" fill="#1b4550" />

        <path d="M312 388v-20l14-12 14 12v20Z" fill="#e6ad4a" />
        <rect x="321" y="372" width="8" height="8" fill="#fbefd6" />

        <path d="M392 386v-18l12-10 12 10v18Z" fill="#eef7f8" />
        <rect x="399" y="370" width="7" height="7" fill="#f0c777" />

        <path d="M470 378v-16l11-9 11 9v16Z" fill="#b4432f" />
        <rect x="477" y="364" width="7" height="7" fill="#f0c777" />
      </g>

      {/* Nodes where each house meets the line. */}
      <g fill="#8fdcc4">
        <circle cx="94" cy="383" r="3" />
        <circle cx="209" cy="381" r="3.5" />
        <circle cx="326" cy="388" r="3" />
        <circle cx="404" cy="387" r="3" />
        <circle cx="481" cy="380" r="3" />
      </g>
    </svg>
  );
}
