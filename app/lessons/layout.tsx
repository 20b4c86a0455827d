import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_i18n/client-messages';

/** Lessons' client components, and the room UI the join page renders for the invited school. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['common', 'errors', 'lessons', 'rooms']}>{children}</ClientMessages>;
}
