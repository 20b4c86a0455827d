import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_i18n/client-messages';

/** News' client components: the news form and the forum's Markdown editor it reuses. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['common', 'errors', 'news', 'forum.editor', 'forum.errors', 'forum.languages']}>{children}</ClientMessages>;
}
