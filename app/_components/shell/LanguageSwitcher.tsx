'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useTransition } from 'react';
import { setLocale } from '@/app/_i18n/actions';
import { locales, type Locale } from '@/app/_i18n/config';
import { cx } from '../ui/class-names';
import { IconGlobe } from '../ui/Icon';

/**
 * Two toggle buttons, "Norsk" and "English", each written in its own language so a visitor who
 * reads neither label finds theirs. aria-pressed marks the current one.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const t = useTranslations('common.language');
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const labelId = useId();

  function choose(next: Locale) {
    if (next === current || pending) return;
    startTransition(async () => {
      const result = await setLocale(next);
      if (result.ok) router.refresh();
    });
  }

  return (
    <div
      role="group"
      aria-labelledby={labelId}
      aria-busy={pending || undefined}
      className={cx('flex items-center gap-2', className)}
    >
      <span id={labelId} className="sr-only">
        {t('label')}
      </span>
      <IconGlobe size={18} className="text-ink-muted" />
      <div className="flex rounded-lg bg-sand-100 p-0.5 ring-1 ring-sand-200 ring-inset">
        {locales.map((locale) => {
          const selected = locale === current;
          return (
            <button
              key={locale}
              type="button"
              lang={locale}
              aria-pressed={selected}
              onClick={() => choose(locale)}
              className={cx(
                'rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors duration-150',
                selected
                  ? 'bg-white text-fjord-800 shadow-xs ring-1 ring-sand-200'
                  : 'text-ink-muted hover:bg-white/60 hover:text-ink',
                pending && !selected && 'cursor-progress',
              )}
            >
              {t(locale)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
