import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_i18n/client-messages';

/** The library's client components (entry form, review buttons) get their own strings. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['common', 'errors', 'library']}>{children}</ClientMessages>;
}
