'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { TIME_ZONE_COOKIE } from '@/app/_i18n/config';

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  for (const part of document.cookie.split('; ')) {
    if (part.startsWith(prefix)) return decodeURIComponent(part.slice(prefix.length));
  }
  return undefined;
}

/** Runs `job` once the whole page has loaded and the browser is idle; returns a cancel function. */
function whenPageSettled(job: () => void): () => void {
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if ('requestIdleCallback' in window) idle = window.requestIdleCallback(job, { timeout: 2000 });
    else timer = setTimeout(job, 200);
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
  return () => {
    window.removeEventListener('load', schedule);
    if (idle !== undefined) window.cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * Tells the server the browser's IANA time zone, so server-rendered dates use the viewer's clock.
 * Renders nothing. `renderedZone` is the zone the server used for this page (Europe/Oslo when it
 * had no cookie). Only when the browser's zone differs does the page re-render, once, and only
 * after it has fully loaded and hydrated: a refresh while a streamed part of the page is still
 * hydrating makes React discard that part and render it again, which can briefly show it twice.
 */
export function TimeZoneCookie({ renderedZone }: { renderedZone: string }) {
  const router = useRouter();
  useEffect(() => {
    let zone: string | undefined;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      return;
    }
    // Zone names are ASCII letters, digits, "/", "_", "+" and "-": all legal in a cookie value.
    if (!zone || !/^[A-Za-z0-9/_+-]{1,64}$/.test(zone)) return;
    if (readCookie(TIME_ZONE_COOKIE) !== zone) {
      document.cookie = `${TIME_ZONE_COOKIE}=${zone}; path=/; max-age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
    }
    if (zone === renderedZone) return;
    return whenPageSettled(() => router.refresh());
  }, [router, renderedZone]);
  return null;
}
