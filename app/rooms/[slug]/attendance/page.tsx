import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LocalTime } from '@/app/_components/LocalTime';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconArrowLeft, IconUsers } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { attendanceLog } from '@/server/rooms/attendance';
import { findRoomBySlug } from '@/server/rooms/rooms';
import { getRuntime } from '@/server/runtime';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('rooms.attendance');
  return { title: t('title'), robots: { index: false } };
}

/**
 * A care call's log for the institution: who joined and when they left. Nothing else about a
 * care call is kept. Only the room's owner and staff see it.
 */
export default async function AttendancePage({ params }: Props) {
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/rooms/${slug}/attendance`)}`);
  const room = await findRoomBySlug(getRuntime().db, slug);
  const staff = user.role === 'admin' || user.role === 'moderator';
  if (!room || room.kind !== 'care' || (room.ownerId !== user.id && !staff)) notFound();
  const [t, rows] = await Promise.all([getTranslations('rooms.attendance'), attendanceLog(getRuntime().db, room.id)]);
  return (
    <Container className="py-10 sm:py-14">
      <PageHeader eyebrow={room.title} title={t('title')} lead={t('lead')} />
      {rows.length === 0 ? (
        <EmptyState icon={<IconUsers size={28} />} title={t('emptyTitle')} body={t('emptyBody')} className="mt-8" />
      ) : (
        <div className="mt-8 overflow-x-auto rounded-2xl border border-sand-200 bg-white">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="sr-only">{t('title')}</caption>
            <thead className="bg-sand-50 text-ink-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t('name')}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t('joined')}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t('left')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-sand-100">
              {rows.map((row) => (
                <tr key={row.id} data-attendance={row.displayName}>
                  <td className="px-4 py-3 font-medium text-ink">
                    {row.displayName}
                    {row.userId === null ? <span className="ml-2 text-xs text-ink-muted">{t('guest')}</span> : null}
                  </td>
                  <td className="px-4 py-3">
                    <LocalTime value={row.joinedAt.toISOString()} dateStyle="medium" timeStyle="short" />
                  </td>
                  <td className="px-4 py-3">
                    {row.leftAt ? <LocalTime value={row.leftAt.toISOString()} timeStyle="short" /> : <span className="text-fjord-700">{t('stillIn')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ButtonLink href={`/rooms/${room.slug}`} variant="secondary" className="mt-8" iconStart={<IconArrowLeft size={16} />}>
        {t('back')}
      </ButtonLink>
    </Container>
  );
}
