import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/server/auth/current-user';
import { findRoomBySlug } from '@/server/rooms/rooms';
import { getRuntime } from '@/server/runtime';
import { RoomClient } from './_components/RoomClient';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [t, user] = await Promise.all([getTranslations('rooms.room'), getCurrentUser()]);
  // Only members learn a room's title; the link alone gives nothing away.
  const room = user ? await findRoomBySlug(getRuntime().db, slug) : undefined;
  return { title: room ? room.title : t('metaTitle'), robots: { index: false } };
}

export default async function RoomPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const invite = typeof query.invite === 'string' && query.invite.length <= 2048 ? query.invite : undefined;
  const user = await getCurrentUser();
  if (!user) {
    const back = `/rooms/${encodeURIComponent(slug)}${invite ? `?invite=${encodeURIComponent(invite)}` : ''}`;
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }
  const room = await findRoomBySlug(getRuntime().db, slug);
  if (!room) notFound();
  // Staff may invite to any room, as createInviteAction allows.
  const isOwner = room.ownerId === user.id || user.role === 'admin' || user.role === 'moderator';
  return (
    <RoomClient
      room={{ slug: room.slug, title: room.title, visibility: room.visibility, capacity: room.capacity, kind: room.kind }}
      isOwner={isOwner}
      user={{ name: user.name }}
      invite={invite}
    />
  );
}
