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

/**
 * Tells the server the browser's IANA time zone, so server-rendered dates use the viewer's clock.
 * Renders nothing. On a first visit (or after travelling) it stores the zone and re-renders once.
 */
export function TimeZoneCookie() {
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
    if (readCookie(TIME_ZONE_COOKIE) === zone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; path=/; max-age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
    router.refresh();
  }, [router]);
  return null;
}
