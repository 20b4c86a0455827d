import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { getCurrentUser } from '@/server/auth/current-user';
import { unreadCount } from '@/server/notifications/notifications';
import { getRuntime } from '@/server/runtime';
import { Container } from '../ui/Container';
import { AccountMenu } from './AccountMenu';
import { HeaderMenu, type NavItem } from './HeaderMenu';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NotificationBell } from './NotificationBell';
import { OwlMark } from './OwlMark';

/** The primary sections, in the order they appear in the header. */
export const PRIMARY_SECTIONS = ['forum', 'rooms', 'lessons', 'events', 'spaces', 'studios', 'hub'] as const;
export type PrimarySection = (typeof PRIMARY_SECTIONS)[number];

export async function Header() {
  const [t, user] = await Promise.all([getTranslations('common'), getCurrentUser()]);
  const unread = user ? await unreadCount(getRuntime().db, user.id) : 0;
  const items: NavItem[] = PRIMARY_SECTIONS.map((section) => ({
    href: `/${section}`,
    label: t(`nav.${section}`),
  }));

  return (
    <header className="sticky top-0 z-40 border-b border-sand-200 bg-sand-25/95 backdrop-blur supports-[backdrop-filter]:bg-sand-25/85">
      <Container size="wide" className="flex flex-wrap items-center gap-x-4 py-2.5 xl:h-16 xl:flex-nowrap xl:gap-x-6 xl:py-0">
        <Link href="/" className="-ml-1 flex items-center gap-2.5 rounded-lg px-1 py-1">
          <OwlMark className="size-9" />
          <span className="text-xl font-bold tracking-tight text-fjord-900">Hubro</span>
          <span className="sr-only">{t('nav.homeSuffix')}</span>
        </Link>
        <HeaderMenu
          items={items}
          labels={{ nav: t('nav.label'), menu: t('nav.menu') }}
          actions={user ? <NotificationBell initialUnread={unread} /> : undefined}
        >
          <LanguageSwitcher className="xl:border-l xl:border-sand-200 xl:pl-4" />
          <AccountMenu
            user={user ? { name: user.name, email: user.email, role: user.role } : null}
            className="border-t border-sand-200 pt-4 xl:border-0 xl:pt-0"
          />
        </HeaderMenu>
      </Container>
    </header>
  );
}
