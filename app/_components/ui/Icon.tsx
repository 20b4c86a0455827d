import type { ReactNode, SVGProps } from 'react';

export type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & {
  /** Pixel size of the square icon. Defaults to 20. */
  size?: number;
  /**
   * Accessible name. Without it the icon is decorative (aria-hidden), which is what you want
   * whenever the icon sits next to visible text.
   */
  title?: string;
};

/** Makes an icon in this set's style (24 px grid, 1.75 stroke, round caps); features add their own with it. */
export function createIcon(name: string, paths: ReactNode) {
  function Icon({ size = 20, title, ...rest }: IconProps) {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox="0 0 24 24"
        width={size}
        height={size}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
        focusable="false"
        {...(title ? { role: 'img', 'aria-label': title } : { 'aria-hidden': true })}
        {...rest}
      >
        {title ? <title>{title}</title> : null}
        {paths}
      </svg>
    );
  }
  Icon.displayName = name;
  return Icon;
}

export const IconArrowRight = createIcon('IconArrowRight', <path d="M5 12h14M13 6l6 6-6 6" />);
export const IconArrowLeft = createIcon('IconArrowLeft', <path d="M19 12H5M11 6l-6 6 6 6" />);
export const IconMenu = createIcon('IconMenu', <path d="M4 7h16M4 12h16M4 17h16" />);
export const IconClose = createIcon('IconClose', <path d="M6 6l12 12M18 6 6 18" />);
export const IconGlobe = createIcon(
  'IconGlobe',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3c2.6 2.6 3.9 5.6 3.9 9s-1.3 6.4-3.9 9c-2.6-2.6-3.9-5.6-3.9-9S9.4 5.6 12 3z" />
  </>,
);
export const IconChat = createIcon(
  'IconChat',
  <path d="M5 4h14a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-8l-5 4v-4H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM8 9h8M8 12.5h5" />,
);
export const IconUsers = createIcon(
  'IconUsers',
  <>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20a6.5 6.5 0 0 1 13 0" />
    <circle cx="17" cy="9" r="2.5" />
    <path d="M16.5 14.1A5 5 0 0 1 21.5 19" />
  </>,
);
export const IconBuilding = createIcon(
  'IconBuilding',
  <path d="M4 21V5a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v16M15 9h4a1 1 0 0 1 1 1v11M3 21h18M8 8h3M8 12h3M8 16h3" />,
);
export const IconLaptop = createIcon(
  'IconLaptop',
  <path d="M5 5h14a1 1 0 0 1 1 1v9H4V6a1 1 0 0 1 1-1zM2 19h20" />,
);
export const IconVideo = createIcon(
  'IconVideo',
  <>
    <rect x="2.5" y="6" width="13.5" height="12" rx="2" />
    <path d="m16 10.5 5.5-3v9l-5.5-3" />
  </>,
);
export const IconCalendar = createIcon(
  'IconCalendar',
  <>
    <rect x="3" y="5" width="18" height="16" rx="2" />
    <path d="M3 10h18M8 3v4M16 3v4" />
  </>,
);
export const IconBook = createIcon(
  'IconBook',
  <path d="M12 6.5C10 5 7 4.5 3.5 5v14c3.5-.5 6.5 0 8.5 1.5 2-1.5 5-2 8.5-1.5V5C17 4.5 14 5 12 6.5zM12 6.5v14" />,
);
export const IconNews = createIcon(
  'IconNews',
  <path d="M4 5h13v14H6a2 2 0 0 1-2-2zM17 9h3v8a2 2 0 0 1-2 2M8 9h5M8 12.5h5M8 16h3" />,
);
export const IconMapPin = createIcon(
  'IconMapPin',
  <>
    <path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z" />
    <circle cx="12" cy="9.5" r="2.5" />
  </>,
);
export const IconSignal = createIcon(
  'IconSignal',
  <>
    <path d="M2 9.5a14 14 0 0 1 20 0M5 12.8a9.5 9.5 0 0 1 14 0M8.2 16a5 5 0 0 1 7.6 0" />
    <circle cx="12" cy="19" r="1" fill="currentColor" />
  </>,
);
export const IconMusic = createIcon(
  'IconMusic',
  <>
    <path d="M9 18V5l11-2v13" />
    <circle cx="6" cy="18" r="3" />
    <circle cx="17" cy="16" r="3" />
  </>,
);
export const IconGraduation = createIcon(
  'IconGraduation',
  <path d="M2 9.5 12 4.5l10 5-10 5zM6 11.5v5c3.3 2.7 8.7 2.7 12 0v-5M22 9.5v6" />,
);
export const IconSuitcase = createIcon(
  'IconSuitcase',
  <>
    <rect x="3" y="7" width="18" height="13" rx="2" />
    <path d="M9 7V5a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2M3 13h18" />
  </>,
);
export const IconMic = createIcon(
  'IconMic',
  <path d="M12 3a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3zM5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21" />,
);
export const IconCheck = createIcon('IconCheck', <path d="m5 12.5 4.5 4.5L19 7.5" />);
export const IconInfo = createIcon(
  'IconInfo',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5.5" />
    <circle cx="12" cy="7.8" r="0.6" fill="currentColor" />
  </>,
);
export const IconWarning = createIcon(
  'IconWarning',
  <>
    <path d="M10.3 4.3 2.6 18a2 2 0 0 0 1.7 3h15.4a2 2 0 0 0 1.7-3L13.7 4.3a2 2 0 0 0-3.4 0zM12 9.5v4.5" />
    <circle cx="12" cy="17.2" r="0.6" fill="currentColor" />
  </>,
);
export const IconCheckCircle = createIcon(
  'IconCheckCircle',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="m8 12.5 2.8 2.8L16.2 9.5" />
  </>,
);
export const IconErrorCircle = createIcon(
  'IconErrorCircle',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7.5v5.5" />
    <circle cx="12" cy="16.3" r="0.6" fill="currentColor" />
  </>,
);
export const IconSparkle = createIcon(
  'IconSparkle',
  <path d="M12 3.5c.6 4.2 2.3 5.9 6.5 6.5-4.2.6-5.9 2.3-6.5 6.5-.6-4.2-2.3-5.9-6.5-6.5 4.2-.6 5.9-2.3 6.5-6.5zM18.5 15.5c.3 1.8 1 2.5 2.5 2.75-1.5.25-2.2 1-2.5 2.75-.3-1.8-1-2.5-2.5-2.75 1.5-.25 2.2-1 2.5-2.75z" />,
);
export const IconHome = createIcon('IconHome', <path d="m3 11 9-7 9 7M5.5 9.5V20h13V9.5M10 20v-5h4v5" />);
export const IconCompass = createIcon(
  'IconCompass',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="m15.5 8.5-2 5-5 2 2-5z" />
  </>,
);
export const IconRefresh = createIcon(
  'IconRefresh',
  <path d="M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5" />,
);
export const IconUser = createIcon(
  'IconUser',
  <>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21a8 8 0 0 1 16 0" />
  </>,
);
export const IconSignOut = createIcon(
  'IconSignOut',
  <path d="M14 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4M10 16l-4-4 4-4M6 12h10" />,
);

export const IconTrash = createIcon('IconTrash', <path d="M4 7h16M10 11v6M14 11v6M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12M9 7V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v3" />);
