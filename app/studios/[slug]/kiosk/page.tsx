import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getRuntime } from '@/server/runtime';
import { studioBySlug } from '@/server/studios/studios';
import { KioskScreen } from '../../_components/KioskScreen';

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [{ slug }, t] = await Promise.all([params, getTranslations('studios.kiosk')]);
  const detail = await studioBySlug(getRuntime().db, slug, null);
  return { title: detail ? `${t('metaTitle')} · ${detail.studio.name}` : t('metaTitle'), robots: { index: false, follow: false } };
}

/**
 * The studio screen. Its device token stays in the URL's fragment (`#<token>`), which the
 * browser never sends, so it never reaches this server's logs; the page reads it itself.
 */
export default async function KioskPage({ params }: Params) {
  const { slug } = await params;
  const detail = await studioBySlug(getRuntime().db, slug, null);
  if (!detail) notFound();
  return <KioskScreen studioName={detail.studio.name} timeZone={detail.space.timeZone} />;
}
