import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_i18n/client-messages';

/** This part's client components get their own strings, not the whole catalogue. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['common', 'errors', 'spaces']}>{children}</ClientMessages>;
}
