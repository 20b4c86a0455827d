import { createIcon } from '@/app/_components/ui/Icon';
import { IconMic, IconUsers } from '@/app/_components/ui/Icon';

// The directory's own icons, drawn like app/_components/ui/Icon.tsx (24px grid, 1.75 stroke,
// round caps) so they sit next to the shared ones. Decorative unless given a title.

export const IconSearch = createIcon(
  'IconSearch',
  <>
    <circle cx="11" cy="11" r="6.5" />
    <path d="m16 16 4.5 4.5" />
  </>,
);
export const IconLocate = createIcon(
  'IconLocate',
  <>
    <circle cx="12" cy="12" r="6.5" />
    <circle cx="12" cy="12" r="2" fill="currentColor" />
    <path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3" />
  </>,
);
export const IconCup = createIcon('IconCup', <path d="M4 9h12v5a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5zM16 10.5h1.5a2.5 2.5 0 0 1 0 5H16M8 3.5c-.6.8-.6 1.7 0 2.5M12 3.5c-.6.8-.6 1.7 0 2.5" />);
export const IconParking = createIcon(
  'IconParking',
  <>
    <rect x="3.5" y="3.5" width="17" height="17" rx="3" />
    <path d="M9.5 16.5v-9h3.25a2.75 2.75 0 0 1 0 5.5H9.5" />
  </>,
);
export const IconStepFree = createIcon(
  'IconStepFree',
  <>
    <circle cx="11" cy="4.5" r="1.6" />
    <path d="M11 7.5v6h5l2 5.5M11 10.5h4.5" />
    <path d="M8 11.2a5 5 0 1 0 6.8 6.3" />
  </>,
);
export const IconFibre = createIcon(
  'IconFibre',
  <path d="M13 3 5 13.5h6L10 21l8-10.5h-6z" />,
);
export const IconClock = createIcon(
  'IconClock',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3.5 2" />
  </>,
);
export const IconMail = createIcon(
  'IconMail',
  <>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="m3.5 6.5 8.5 6.5 8.5-6.5" />
  </>,
);
export const IconPhone = createIcon(
  'IconPhone',
  <path d="M5 3.5h3.5l1.5 4.5-2.2 1.4a11 11 0 0 0 6.8 6.8l1.4-2.2 4.5 1.5V19a1.5 1.5 0 0 1-1.5 1.5A16.5 16.5 0 0 1 3.5 5 1.5 1.5 0 0 1 5 3.5z" />,
);
export const IconExternal = createIcon('IconExternal', <path d="M14 4h6v6M20 4l-9 9M18 14v4.5a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 4 18.5v-11A1.5 1.5 0 0 1 5.5 6H10" />);
export const IconDownload = createIcon('IconDownload', <path d="M12 4v11M7 10.5l5 5 5-5M4.5 19.5h15" />);
export const IconUpload = createIcon('IconUpload', <path d="M12 16V5M7 9.5l5-5 5 5M4.5 19.5h15" />);
export const IconCopy = createIcon(
  'IconCopy',
  <>
    <rect x="8.5" y="8.5" width="11.5" height="11.5" rx="2" />
    <path d="M15.5 8.5V5.5a1.5 1.5 0 0 0-1.5-1.5H5.5A1.5 1.5 0 0 0 4 5.5V14a1.5 1.5 0 0 0 1.5 1.5h3" />
  </>,
);
export const IconChevronLeft = createIcon('IconChevronLeft', <path d="m14.5 6-6 6 6 6" />);
export const IconChevronRight = createIcon('IconChevronRight', <path d="m9.5 6 6 6-6 6" />);
export const IconPlus = createIcon('IconPlus', <path d="M12 5v14M5 12h14" />);
export const IconPencil = createIcon('IconPencil', <path d="M15.5 4.5 19.5 8.5 9 19H5v-4zM13 7l4 4" />);
export const IconImage = createIcon(
  'IconImage',
  <>
    <rect x="3" y="4.5" width="18" height="15" rx="2" />
    <circle cx="8.5" cy="9.5" r="1.75" />
    <path d="m4 18 5.5-5.5 4 4 2.5-2.5L20.5 18" />
  </>,
);
export const IconSchool = createIcon('IconSchool', <path d="M3 10.5 12 5l9 5.5M5.5 9.5V19h13V9.5M10 19v-4.5h4V19M3 19h18" />);
export const IconBlocks = createIcon(
  'IconBlocks',
  <>
    <rect x="4" y="12" width="7" height="7" rx="1" />
    <rect x="13" y="12" width="7" height="7" rx="1" />
    <path d="M12 4.5 15.5 10h-7z" />
  </>,
);
export const IconHealth = createIcon(
  'IconHealth',
  <path d="M12 20s-7.5-4.6-7.5-10.2A4.3 4.3 0 0 1 12 7.2a4.3 4.3 0 0 1 7.5 2.6C19.5 15.4 12 20 12 20zM12 10.5v5M9.5 13h5" />,
);
export const IconBus = createIcon(
  'IconBus',
  <>
    <rect x="4.5" y="3.5" width="15" height="14" rx="2.5" />
    <path d="M4.5 11h15M8 20.5v-3M16 20.5v-3" />
    <circle cx="8" cy="14.3" r="0.6" fill="currentColor" />
    <circle cx="16" cy="14.3" r="0.6" fill="currentColor" />
  </>,
);
export const IconDesk = createIcon(
  'IconDesk',
  <>
    <rect x="7" y="3.5" width="10" height="7" rx="1" />
    <path d="M12 10.5V13M3 13h18M5 13v7M19 13v7" />
  </>,
);
export const IconDoor = createIcon('IconDoor', <path d="M6 20.5V4.5a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v16M3.5 20.5h17M14.5 12.5v.01" />);
export const IconShield = createIcon('IconShield', <path d="M12 3.5 19 6v5.5c0 4.4-3 7.6-7 9-4-1.4-7-4.6-7-9V6z" />);

/** A digital studio: a screen with a camera on top. */
export const IconStudio = createIcon(
  'IconStudio',
  <>
    <rect x="3" y="6.5" width="18" height="12" rx="1.5" />
    <path d="M9 21.5h6M12 18.5v3" />
    <circle cx="12" cy="3.8" r="1.3" />
  </>,
);

/** Icons for the five amenities the directory filters on. */
export const AMENITY_ICONS = {
  meeting_room: IconUsers,
  digital_studio: IconMic,
  kitchen: IconCup,
  parking: IconParking,
  step_free: IconStepFree,
} as const;

/** Icons for the bookable resource kinds. */
export const RESOURCE_ICONS = {
  hot_desk: IconDesk,
  fixed_desk: IconDesk,
  private_office: IconDoor,
  meeting_room: IconUsers,
  studio: IconStudio,
} as const;

export const IconCalendarPlus = createIcon(
  'IconCalendarPlus',
  <>
    <rect x="3" y="5" width="18" height="16" rx="2" />
    <path d="M3 10h18M8 3v4M16 3v4M12 13v5M9.5 15.5h5" />
  </>,
);
