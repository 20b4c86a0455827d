'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId } from 'react';
import { useFormStatus } from 'react-dom';
import { chooseLocale } from '@/app/_i18n/actions';
import { locales } from '@/app/_i18n/config';
import { cx } from '../ui/class-names';
import { IconGlobe } from '../ui/Icon';

/**
 * Two toggle buttons, "Norsk" and "English", each written in its own language so a visitor who
 * reads neither label finds theirs. aria-pressed marks the current one. They submit a form to a
 * server action, so a click counts even before the page has hydrated.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const t = useTranslations('common.language');
  const labelId = useId();
  return (
    <form action={chooseLocale} role="group" aria-labelledby={labelId} className={cx('flex items-center gap-2', className)}>
      <span id={labelId} className="sr-only">
        {t('label')}
      </span>
      <IconGlobe size={18} className="text-ink-muted" />
      <Choices />
    </form>
  );
}

function Choices() {
  const t = useTranslations('common.language');
  const current = useLocale();
  const { pending } = useFormStatus();
  return (
    <div aria-busy={pending || undefined} className="flex rounded-lg bg-sand-100 p-0.5 ring-1 ring-sand-200 ring-inset">
      {locales.map((locale) => {
        const selected = locale === current;
        return (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={selected}
            onClick={(event) => {
              if (selected || pending) event.preventDefault();
            }}
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
  );
}
