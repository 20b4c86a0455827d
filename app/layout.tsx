import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Footer } from './_components/shell/Footer';
import { Header } from './_components/shell/Header';
import { TimeZoneCookie } from './_components/TimeZoneCookie';
import { pickMessages } from './_i18n/client-messages';
import './globals.css';

// Every page depends on the language and time-zone cookies (and most on the session).
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common.meta');
  return {
    title: { default: t('title'), template: t('titleTemplate') },
    description: t('description'),
    applicationName: 'Hubro',
    icons: { icon: [{ url: '/icon.svg', type: 'image/svg+xml' }] },
  };
}

export const viewport: Viewport = {
  themeColor: '#f8f6f1',
  colorScheme: 'light',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, timeZone] = await Promise.all([getLocale(), getTranslations('common'), getTimeZone()]);
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col bg-sand-50 text-ink">
        {/* The shell's client parts: header, language switcher, notification bell. */}
        <NextIntlClientProvider messages={await pickMessages(['common', 'errors', 'forum.notifications'])}>
          <a
            href="#main"
            className="sr-only rounded-lg bg-fjord-700 font-semibold text-white shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:px-4 focus:py-3"
          >
            {t('skipToContent')}
          </a>
          <TimeZoneCookie renderedZone={timeZone} />
          <Header />
          <main id="main" tabIndex={-1} className="flex flex-1 flex-col">
            {children}
          </main>
          <Footer />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
