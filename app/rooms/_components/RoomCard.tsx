import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LocalTime } from '@/app/_components/LocalTime';
import { Badge } from '@/app/_components/ui/Badge';
import { buttonClassName } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { IconArrowRight, IconGlobe, IconUsers, IconVideo } from '@/app/_components/ui/Icon';
import type { RoomListing } from '@/server/rooms/rooms';
import { CopyRoomLinkButton } from './CopyButton';
import { IconLock } from './room-icons';

const VISIBILITY_TONE = { public: 'success', members: 'neutral', 'invite-only': 'accent' } as const;

export async function RoomCard({ room, showOwner = true }: { room: RoomListing; showOwner?: boolean }) {
  const t = await getTranslations('rooms');
  const VisibilityIcon = room.visibility === 'public' ? IconGlobe : room.visibility === 'invite-only' ? IconLock : IconUsers;
  const headingId = `room-${room.slug}`;
  return (
    <Card as="li" padding="none" className="flex flex-col gap-4 p-4 sm:flex-row sm:items-center sm:p-5" aria-labelledby={headingId}>
      <div
        aria-hidden="true"
        className="hidden size-12 shrink-0 items-center justify-center rounded-xl bg-fjord-50 text-fjord-700 sm:flex"
      >
        <IconVideo size={24} />
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h3 id={headingId} className="min-w-0 text-base font-semibold text-ink">
            <Link href={`/rooms/${room.slug}`} className="break-words hover:text-fjord-700 hover:underline">
              {room.title}
            </Link>
          </h3>
          <Badge tone={VISIBILITY_TONE[room.visibility]} icon={<VisibilityIcon size={13} />}>
            {t(`visibility.${room.visibility}.badge`)}
          </Badge>
          {room.kind !== 'meeting' ? <Badge tone="neutral">{t(`kinds.${room.kind}`)}</Badge> : null}
        </div>
        <p className="mt-1 text-sm text-ink-muted">
          {showOwner ? <>{t('card.owner', { name: room.ownerName })} · </> : null}
          <LocalTime value={room.createdAt.toISOString()} dateStyle="medium" /> ·{' '}
          {t('card.capacity', { capacity: room.capacity })}
        </p>
      </div>
      <div className="flex shrink-0 flex-wrap gap-2">
        {room.kind === 'care' && !showOwner ? (
          <Link href={`/rooms/${room.slug}/attendance`} className={buttonClassName({ size: 'sm', variant: 'ghost' })}>
            {t('attendance.link')}
          </Link>
        ) : null}
        <CopyRoomLinkButton slug={room.slug} title={room.title} variant="secondary" size="sm" />
        <Link
          href={`/rooms/${room.slug}`}
          className={buttonClassName({ size: 'sm' })}
          aria-label={t('card.enterNamed', { title: room.title })}
        >
          {t('card.enter')}
          <IconArrowRight size={16} />
        </Link>
      </div>
    </Card>
  );
}
