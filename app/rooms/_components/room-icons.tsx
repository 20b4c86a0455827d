import { createIcon } from '@/app/_components/ui/Icon';
// The call's own icons, drawn like app/_components/ui/Icon.tsx (24px grid, 1.75 stroke,
// round caps) so they sit next to the shared ones. Decorative unless given a title.

export const IconMicOff = createIcon(
  'IconMicOff',
  <path d="M3.5 3.5l17 17M9 9v2a3 3 0 0 0 5.1 2.1M15 10.5V6a3 3 0 0 0-5.8-1.1M5.5 11a6.5 6.5 0 0 0 10.4 5.2M18.5 11a6.4 6.4 0 0 1-.6 2.7M12 17.5V21" />,
);
export const IconVideoOff = createIcon(
  'IconVideoOff',
  <path d="M3.5 3.5l17 17M9.5 6H14a2 2 0 0 1 2 2v4.5m0 3V16a2 2 0 0 1-2 2H4.5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h1M16 10.5l5.5-3v9l-3-1.6" />,
);
export const IconScreenShare = createIcon(
  'IconScreenShare',
  <>
    <rect x="2.5" y="4" width="19" height="13" rx="2" />
    <path d="M8 21h8M12 17v4M12 13.5v-6M9.2 10.2 12 7.5l2.8 2.7" />
  </>,
);
export const IconHand = createIcon(
  'IconHand',
  <path d="M8 12.5V5.5a1.5 1.5 0 0 1 3 0V11m0-6.5a1.5 1.5 0 0 1 3 0V11m0-5a1.5 1.5 0 0 1 3 0v6m0-3.5a1.5 1.5 0 0 1 3 0V15a6.5 6.5 0 0 1-6.5 6.5h-1.2a6 6 0 0 1-4.6-2.2L4 15.5a1.6 1.6 0 0 1 2.4-2.1L8 15" />,
);
export const IconLeave = createIcon(
  'IconLeave',
  <path d="M3.2 13.6c-.5-.5-.6-1.4-.1-2 5-5 12.8-5 17.8 0 .5.6.4 1.5-.1 2l-1.6 1.5a1.2 1.2 0 0 1-1.6.1l-2.2-1.7a1.2 1.2 0 0 1-.4-1.2l.4-1.6a10 10 0 0 0-6.8 0l.4 1.6a1.2 1.2 0 0 1-.4 1.2l-2.2 1.7a1.2 1.2 0 0 1-1.6-.1z" />,
);
export const IconSettings = createIcon(
  'IconSettings',
  <path d="M4 7h9M17 7h3M4 17h3M11 17h9M15 5v4M9 15v4" />,
);
export const IconCopy = createIcon(
  'IconCopy',
  <>
    <rect x="8.5" y="8.5" width="12" height="12" rx="2" />
    <path d="M15.5 8.5V5.5a2 2 0 0 0-2-2h-8a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h3" />
  </>,
);
export const IconLink = createIcon(
  'IconLink',
  <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.2 1.2M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2" />,
);
export const IconSend = createIcon('IconSend', <path d="M4 12 20 4l-6 16-2.5-6.5zM11.5 13.5 20 4" />);
export const IconLock = createIcon(
  'IconLock',
  <>
    <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
    <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
  </>,
);
export const IconPlus = createIcon('IconPlus', <path d="M12 5v14M5 12h14" />);
export const IconSpeaker = createIcon(
  'IconSpeaker',
  <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4zM15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11" />,
);
export const IconUserPlus = createIcon(
  'IconUserPlus',
  <>
    <circle cx="10" cy="8" r="4" />
    <path d="M3 21a7 7 0 0 1 11.5-5.4M19 14v6M16 17h6" />
  </>,
);
