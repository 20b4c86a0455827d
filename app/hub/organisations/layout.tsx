import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_i18n/client-messages';

/** The organisation forms and the leave dialog get their own strings only. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['common', 'errors', 'jobs.organisations']}>{children}</ClientMessages>;
}
