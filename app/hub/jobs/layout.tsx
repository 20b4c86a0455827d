import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_i18n/client-messages';

/** The job pages' client components (the ad form, closing) get their own strings only. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['common', 'errors', 'jobs']}>{children}</ClientMessages>;
}
