import { createIcon } from '@/app/_components/ui/Icon';
// The forum's own icons, drawn like app/_components/ui/Icon.tsx (24px grid, 1.75 stroke,
// round caps) so they sit next to the shared ones. Decorative unless given a title.

export const IconPlus = createIcon('IconPlus', <path d="M12 5v14M5 12h14" />);
export const IconSearch = createIcon(
  'IconSearch',
  <>
    <circle cx="11" cy="11" r="6.5" />
    <path d="m20 20-4.2-4.2" />
  </>,
);
export const IconRss = createIcon(
  'IconRss',
  <>
    <path d="M5 11a8 8 0 0 1 8 8M5 5a14 14 0 0 1 14 14" />
    <circle cx="6" cy="18" r="1.2" fill="currentColor" />
  </>,
);
export const IconPin = createIcon('IconPin', <path d="M9 4h6l-1 6 3.5 3.5H6.5L10 10zM12 13.5V20" />);
export const IconLock = createIcon(
  'IconLock',
  <>
    <rect x="5" y="10.5" width="14" height="10" rx="2" />
    <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
  </>,
);
export const IconUnlock = createIcon(
  'IconUnlock',
  <>
    <rect x="5" y="10.5" width="14" height="10" rx="2" />
    <path d="M8 10.5V7.5a4 4 0 0 1 7.7-1.5" />
  </>,
);
export const IconFlag = createIcon('IconFlag', <path d="M5 21V4.5M5 4.5c4-2 7 2 14 0v9c-7 2-10-2-14 0" />);
export const IconReply = createIcon('IconReply', <path d="M10 8 5 12.5l5 4.5M5 12.5h9a5 5 0 0 1 5 5V19" />);
export const IconQuote = createIcon(
  'IconQuote',
  <path d="M9.5 7H6a1 1 0 0 0-1 1v3.5a1 1 0 0 0 1 1h2.5V15A2.5 2.5 0 0 1 6 17.5M19 7h-3.5a1 1 0 0 0-1 1v3.5a1 1 0 0 0 1 1H18V15a2.5 2.5 0 0 1-2.5 2.5" />,
);
export const IconPencil = createIcon('IconPencil', <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16zM13.5 6.5l4 4" />);
export const IconEyeOff = createIcon(
  'IconEyeOff',
  <path d="M3.5 3.5l17 17M10.6 6.1A9.8 9.8 0 0 1 12 6c5 0 8.5 4.2 9.5 6-.4.8-1.3 2.1-2.6 3.3M6.6 7.6C4.5 9 3 11 2.5 12c1 1.8 4.5 6 9.5 6 1.6 0 3-.4 4.3-1.1M10 10.1a2.8 2.8 0 0 0 3.9 3.9" />,
);
export const IconEye = createIcon(
  'IconEye',
  <>
    <path d="M2.5 12C3.5 10.2 7 6 12 6s8.5 4.2 9.5 6c-1 1.8-4.5 6-9.5 6s-8.5-4.2-9.5-6z" />
    <circle cx="12" cy="12" r="2.8" />
  </>,
);
export const IconMove = createIcon('IconMove', <path d="M4 7h11M11 3l4 4-4 4M20 17H9M13 13l-4 4 4 4" />);
export const IconHistory = createIcon(
  'IconHistory',
  <path d="M4 12a8 8 0 1 0 2.3-5.7M4 4v4h4M12 8v4.5l3 2" />,
);
export const IconShield = createIcon('IconShield', <path d="M12 3 5 6v5.5c0 4.4 3 8.2 7 9.5 4-1.3 7-5.1 7-9.5V6z" />);
export const IconBell = createIcon(
  'IconBell',
  <path d="M6 10a6 6 0 0 1 12 0c0 4.5 2 6 2 6H4s2-1.5 2-6M10 19.5a2.2 2.2 0 0 0 4 0" />,
);
export const IconBellOff = createIcon(
  'IconBellOff',
  <path d="M3.5 3.5l17 17M8.4 5.2A6 6 0 0 1 18 10c0 2.1.4 3.6.9 4.6M16 16H4s2-1.5 2-6c0-.6.1-1.1.2-1.6M10 19.5a2.2 2.2 0 0 0 4 0" />,
);
export const IconBold = createIcon('IconBold', <path d="M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z" />);
export const IconItalic = createIcon('IconItalic', <path d="M10 5h8M6 19h8M14 5l-4 14" />);
export const IconLink = createIcon(
  'IconLink',
  <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />,
);
export const IconCode = createIcon('IconCode', <path d="m8 7-5 5 5 5M16 7l5 5-5 5" />);
export const IconList = createIcon(
  'IconList',
  <>
    <path d="M9 6h11M9 12h11M9 18h11" />
    <circle cx="4.5" cy="6" r="0.8" fill="currentColor" />
    <circle cx="4.5" cy="12" r="0.8" fill="currentColor" />
    <circle cx="4.5" cy="18" r="0.8" fill="currentColor" />
  </>,
);
export const IconChevronLeft = createIcon('IconChevronLeft', <path d="m14.5 6-6 6 6 6" />);
export const IconChevronRight = createIcon('IconChevronRight', <path d="m9.5 6 6 6-6 6" />);
export const IconChevronsRight = createIcon('IconChevronsRight', <path d="m6 6 6 6-6 6M13 6l6 6-6 6" />);
export const IconChevronsLeft = createIcon('IconChevronsLeft', <path d="m18 6-6 6 6 6M11 6l-6 6 6 6" />);

// Reactions: drawn rather than emoji, so they look the same on every system (many Linux
// desktops and kiosks have no colour-emoji font).
export const IconThumbsUp = createIcon(
  'IconThumbsUp',
  <path d="M7.5 10.5V20H4.5a1 1 0 0 1-1-1v-7.5a1 1 0 0 1 1-1zM7.5 10.5 11 3.8a1.9 1.9 0 0 1 3.5 1.3l-.8 4.4h5a2 2 0 0 1 2 2.4l-1.3 6.4a2 2 0 0 1-2 1.7H7.5" />,
);
export const IconHeart = createIcon(
  'IconHeart',
  <path d="M12 20s-7.5-4.4-7.5-10.1A4.4 4.4 0 0 1 12 7.3a4.4 4.4 0 0 1 7.5 2.6C19.5 15.6 12 20 12 20z" />,
);
export const IconLaugh = createIcon(
  'IconLaugh',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M7.8 13.5h8.4a4.2 4.2 0 0 1-8.4 0zM8.5 9.5l1.5-1 1.5 1M12.5 9.5l1.5-1 1.5 1" />
  </>,
);
export const IconBulb = createIcon(
  'IconBulb',
  <path d="M9.5 18h5M10.5 21h3M12 3a6 6 0 0 0-3.6 10.8c.7.5 1.1 1.3 1.1 2.2v.5h5V16c0-.9.4-1.7 1.1-2.2A6 6 0 0 0 12 3z" />,
);
export const IconParty = createIcon(
  'IconParty',
  <path d="M4 20.5 8 9l7 7zM13.5 3.5l.5 2.5M19 5l-2.5 2M20.5 10.5l-2.5.5M11 8.5c.8-1.8.4-3.4-.8-4.5M15.5 13c1.8-.8 3.4-.4 4.5.8" />,
);
