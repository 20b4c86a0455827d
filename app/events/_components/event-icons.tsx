import { createIcon } from '@/app/_components/ui/Icon';
// The events section's own icons, drawn like app/_components/ui/Icon.tsx (24px grid, 1.75
// stroke, round caps). Decorative unless given a title.

export const IconBroadcast = createIcon(
  'IconBroadcast',
  <>
    <circle cx="12" cy="12" r="2" />
    <path d="M8.2 8.2a5.4 5.4 0 0 0 0 7.6M15.8 8.2a5.4 5.4 0 0 1 0 7.6M5.4 5.4a9.3 9.3 0 0 0 0 13.2M18.6 5.4a9.3 9.3 0 0 1 0 13.2" />
  </>,
);
export const IconVolume = createIcon('IconVolume', <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4zM15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11" />);
export const IconVolumeOff = createIcon('IconVolumeOff', <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4zM16 9.5l5 5M21 9.5l-5 5" />);
export const IconFullscreen = createIcon('IconFullscreen', <path d="M4 9V5a1 1 0 0 1 1-1h4M15 4h4a1 1 0 0 1 1 1v4M20 15v4a1 1 0 0 1-1 1h-4M9 20H5a1 1 0 0 1-1-1v-4" />);
export const IconFullscreenExit = createIcon('IconFullscreenExit', <path d="M9 4v4a1 1 0 0 1-1 1H4M20 9h-4a1 1 0 0 1-1-1V4M15 20v-4a1 1 0 0 1 1-1h4M4 15h4a1 1 0 0 1 1 1v4" />);
export const IconPin = createIcon('IconPin', <path d="M9 4h6M10 4v5.5L7 13h10l-3-3.5V4M12 13v7" />);
export const IconEyeOff = createIcon(
  'IconEyeOff',
  <path d="M3.5 3.5l17 17M10.6 6.1A9.6 9.6 0 0 1 12 6c5 0 8.5 4.5 9.5 6a15 15 0 0 1-2.6 3.2M6.5 7.6C4.6 8.9 3.2 10.7 2.5 12c1 1.5 4.5 6 9.5 6 1.6 0 3-.4 4.3-1.1M9.9 10a3 3 0 0 0 4.1 4.1" />,
);
export const IconHeadphones = createIcon(
  'IconHeadphones',
  <path d="M4 15v-3a8 8 0 0 1 16 0v3M4 15a2 2 0 0 1 2-2h1v7H6a2 2 0 0 1-2-2zM20 15a2 2 0 0 0-2-2h-1v7h1a2 2 0 0 0 2-2z" />,
);
export const IconDownload = createIcon('IconDownload', <path d="M12 4v11M7 10.5l5 5 5-5M5 20h14" />);
export const IconClock = createIcon(
  'IconClock',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7.5V12l3 2" />
  </>,
);
export const IconEdit = createIcon('IconEdit', <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16zM13.5 6.5l4 4" />);
export const IconExternal = createIcon('IconExternal', <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />);
export const IconUserMinus = createIcon(
  'IconUserMinus',
  <>
    <circle cx="10" cy="8" r="4" />
    <path d="M3 21a7 7 0 0 1 11.5-5.4M16 17h6" />
  </>,
);
export const IconStop = createIcon('IconStop', <rect x="6" y="6" width="12" height="12" rx="2" />);
export const IconBan = createIcon(
  'IconBan',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M5.6 5.6l12.8 12.8" />
  </>,
);
export const IconChatOff = createIcon(
  'IconChatOff',
  <path d="M3.5 3.5l17 17M8 4h11a2 2 0 0 1 2 2v9a2 2 0 0 1-1 1.7M15 17h-4l-5 4v-4H5a2 2 0 0 1-2-2V6a2 2 0 0 1 1-1.7" />,
);
