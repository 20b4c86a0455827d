'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { cx } from '../ui/class-names';
import { IconClose, IconMenu } from '../ui/Icon';

export type NavItem = { href: string; label: string };

type HeaderMenuProps = {
  items: readonly NavItem[];
  /** nav: the navigation landmark's name; menu: the visible text of the phone menu button. */
  labels: { nav: string; menu: string };
  /** Rendered after the links: language switcher and account area. */
  children?: ReactNode;
  /**
   * Always visible, never folded into the phone menu (the notification bell): beside the menu
   * button on phones, at the end of the row on large screens.
   */
  actions?: ReactNode;
};

function isCurrent(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * One DOM for both layouts: on large screens the panel is an inline row; on small screens it is a
 * disclosure opened by the "Meny" button. Keeping a single copy of each link and control means
 * tests and screen readers never meet duplicates.
 */
export function HeaderMenu({ items, labels, children, actions }: HeaderMenuProps) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // Navigating closes the menu (the panel would otherwise cover the new page on phones).
  useEffect(() => {
    setOpen(false);
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        toggleRef.current?.focus();
      }
    }
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !toggleRef.current?.contains(target)) setOpen(false);
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <>
      {actions ? <div className="ml-auto flex items-center xl:order-last xl:ml-0">{actions}</div> : null}
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className={cx(
          actions ? undefined : 'ml-auto',
          'inline-flex h-11 items-center gap-2 rounded-lg px-3 text-sm font-semibold text-fjord-800 hover:bg-fjord-50 xl:hidden',
        )}
      >
        {open ? <IconClose size={22} /> : <IconMenu size={22} />}
        <span>{labels.menu}</span>
      </button>
      <div
        ref={panelRef}
        id={panelId}
        className={cx(
          open ? 'flex' : 'hidden',
          'basis-full flex-col gap-5 border-t border-sand-200 pt-4 pb-5',
          'xl:flex xl:basis-auto xl:flex-1 xl:flex-row xl:items-center xl:gap-4 xl:border-0 xl:p-0',
        )}
      >
        <nav aria-label={labels.nav} className="xl:flex-1">
          <ul className="flex flex-col gap-1 xl:flex-row xl:items-center xl:gap-0.5">
            {items.map((item) => {
              const current = isCurrent(pathname, item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={current ? 'page' : undefined}
                    className={cx(
                      'relative flex items-center whitespace-nowrap rounded-lg px-3 py-2.5 xl:px-2 text-[0.9375rem] font-medium transition-colors duration-150 xl:py-2 xl:text-sm',
                      current
                        ? 'bg-fjord-50 text-fjord-800 xl:bg-transparent'
                        : 'text-ink hover:bg-sand-100 xl:text-ink-muted xl:hover:text-ink',
                      // A bar under the current link on desktop; colour alone is not the only cue.
                      'xl:after:absolute xl:after:inset-x-2 xl:after:-bottom-[13px] xl:after:h-0.5 xl:after:rounded-full',
                      current && 'font-semibold xl:after:bg-fjord-600',
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        {children}
      </div>
    </>
  );
}
