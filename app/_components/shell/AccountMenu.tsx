'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '../ui/Badge';
import { Button, ButtonLink } from '../ui/Button';
import { cx } from '../ui/class-names';
import { IconSignOut } from '../ui/Icon';

export type AccountMenuUser = { name: string; email: string; role: string };

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

const STAFF_ROLES = new Set(['host', 'moderator', 'admin']);

/**
 * The account corner of the header. Signed out: "Logg inn" and "Bli medlem". Signed in: the
 * member's name (links to the profile) and "Logg ut". Lays out in a row on desktop and as a
 * stack inside the mobile menu.
 */
export function AccountMenu({ user, className }: { user: AccountMenuUser | null; className?: string }) {
  const t = useTranslations('common.account');
  const pathname = usePathname();
  const [signingOut, setSigningOut] = useState(false);

  if (!user) {
    return (
      <div className={cx('flex flex-col gap-2 xl:flex-row xl:items-center', className)}>
        <ButtonLink
          href="/sign-in"
          variant="secondary"
          size="sm"
          className="h-11 xl:h-9"
          aria-current={pathname === '/sign-in' ? 'page' : undefined}
        >
          {t('signIn')}
        </ButtonLink>
        <ButtonLink
          href="/sign-up"
          variant="primary"
          size="sm"
          className="h-11 xl:h-9"
          aria-current={pathname === '/sign-up' ? 'page' : undefined}
        >
          {t('signUp')}
        </ButtonLink>
      </div>
    );
  }

  async function handleSignOut() {
    setSigningOut(true);
    try {
      await signOut({ callbackUrl: '/' });
    } catch {
      // signOut navigates away on success; if the request failed, let the member try again.
      setSigningOut(false);
    }
  }

  const onProfile = pathname === '/profile' || pathname.startsWith('/profile/');
  return (
    <div className={cx('flex flex-col gap-2 xl:flex-row xl:items-center xl:gap-1', className)}>
      <Link
        href="/profile"
        aria-current={onProfile ? 'page' : undefined}
        className="group flex min-w-0 items-center gap-2.5 rounded-lg px-2 py-1.5 hover:bg-fjord-50"
        title={user.email}
      >
        <span
          aria-hidden="true"
          className="flex size-8 shrink-0 items-center justify-center rounded-full bg-fjord-100 text-xs font-bold text-fjord-800 ring-2 ring-white"
        >
          {initials(user.name)}
        </span>
        <span className="flex min-w-0 flex-col leading-tight">
          <span className="sr-only">{t('profileFor')} </span>
          {/* NOTE: beside seven sections the header has no room for the name on large screens (it is never wider than the 80rem container): the avatar and its title stand for it there. */}
          <span className="max-w-[14rem] truncate text-sm font-semibold text-ink group-aria-[current=page]:text-fjord-700 xl:sr-only">
            {user.name}
          </span>
          <span className="truncate text-xs text-ink-muted xl:hidden">{user.email}</span>
        </span>
        {STAFF_ROLES.has(user.role) ? (
          <Badge tone="accent" className="ml-1 min-[1280px]:max-[1399px]:hidden">
            {t(`roles.${user.role}`)}
          </Badge>
        ) : null}
      </Link>
      <Button
        variant="ghost"
        size="sm"
        className="h-11 justify-start xl:h-9 xl:justify-center"
        onClick={handleSignOut}
        loading={signingOut}
        iconStart={<IconSignOut size={18} />}
      >
        <span className="xl:sr-only">{t('signOut')}</span>
      </Button>
    </div>
  );
}
