import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

type Messages = Record<string, unknown>;

/**
 * Only the catalogue parts a page's client components use go into its HTML: the whole
 * catalogue (both features' strings, ~70 KB) would otherwise be sent with every page.
 * `paths` are namespaces or dotted sub-namespaces, e.g. 'common' or 'forum.notifications'.
 */
export async function pickMessages(paths: string[]): Promise<Messages> {
  const all = (await getMessages()) as Messages;
  const picked: Messages = {};
  for (const dotted of paths) {
    const keys = dotted.split('.');
    let source: unknown = all;
    for (const key of keys) source = (source as Messages | undefined)?.[key];
    if (source === undefined) continue;
    let target = picked;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) target[key] = source;
      else target = (target[key] ??= {}) as Messages;
    });
  }
  return picked;
}

/** A client-message scope for a part of the app (a feature's layout). */
export async function ClientMessages({ paths, children }: { paths: string[]; children: ReactNode }) {
  return <NextIntlClientProvider messages={await pickMessages(paths)}>{children}</NextIntlClientProvider>;
}
