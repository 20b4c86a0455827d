'use client';

import { useEffect, useState } from 'react';
import { LOCALE_COOKIE, type Locale } from './_i18n/config';
import en from './_i18n/messages/en/common.json';
import nb from './_i18n/messages/nb/common.json';
import './globals.css';

// NOTE: global-error replaces the root layout (it only shows when the layout itself failed, e.g.
// the header could not read the session), so there is no NextIntlClientProvider here. It reads
// the same catalogue files directly and picks the language from the switcher's cookie.
const CATALOGUES: Record<Locale, typeof nb> = { nb, en };

function localeFromCookie(): Locale {
  const match = document.cookie.match(new RegExp(`(?:^|; )${LOCALE_COOKIE}=(nb|en)`));
  return match?.[1] === 'en' ? 'en' : 'nb';
}

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const [locale, setLocale] = useState<Locale>('nb');
  useEffect(() => {
    setLocale(localeFromCookie());
    console.error(error);
  }, [error]);
  const t = CATALOGUES[locale];
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;

  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col items-center justify-center bg-sand-50 px-4 py-16 text-center text-ink">
        <title>{t.error.title}</title>
        <main className="flex max-w-lg flex-col items-center">
          <p className="text-sm font-semibold tracking-wide text-warning-700">{t.error.eyebrow}</p>
          <h1 className="mt-2 text-3xl font-bold sm:text-4xl">{t.error.title}</h1>
          <p className="mt-4 text-lg text-ink-muted">{t.error.body}</p>
          {digest ? (
            <p className="mt-4 rounded-md bg-sand-100 px-3 py-1.5 font-mono text-sm text-ink-muted">
              {t.error.reference.replace('{digest}', digest)}
            </p>
          ) : null}
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            <button
              type="button"
              onClick={() => retry()}
              className="inline-flex h-11 items-center justify-center rounded-lg bg-fjord-600 px-4 font-semibold text-white hover:bg-fjord-700"
            >
              {t.actions.tryAgain}
            </button>
            {/* A full page load on purpose: the client router may be what broke. */}
            <a
              href="/"
              className="inline-flex h-11 items-center justify-center rounded-lg border border-sand-300 bg-white px-4 font-semibold text-fjord-800 hover:bg-fjord-50"
            >
              {t.actions.backHome}
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
