'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { CopyRoomLinkButton } from '../../_components/CopyButton';
import { IconUserPlus } from '../../_components/room-icons';
import { InviteDialog } from './InviteDialog';
import type { RoomInfo } from './RoomClient';

/** "Copy link" for everyone, and "Invite" (a signed, expiring link) for the owner. */
export function ShareRoom({
  slug,
  title,
  visibility,
  isOwner,
  dark = false,
  className,
}: {
  slug: string;
  title: string;
  visibility: RoomInfo['visibility'];
  isOwner: boolean;
  dark?: boolean;
  className?: string;
}) {
  const t = useTranslations('rooms.share');
  const [inviting, setInviting] = useState(false);
  return (
    <div className={cx('flex flex-col gap-3', className)}>
      <div>
        <h2 className={cx('text-sm font-semibold', dark ? 'text-white' : 'text-ink')}>{t('heading')}</h2>
        <p className={cx('mt-0.5 text-sm', dark ? 'text-white/70' : 'text-ink-muted')}>
          {visibility === 'invite-only' ? (isOwner ? t('inviteOnlyOwner') : t('inviteOnlyGuest')) : t('linkWorks')}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <CopyRoomLinkButton slug={slug} size="sm" variant={dark ? 'inverseOutline' : 'secondary'} />
        {isOwner ? (
          <Button size="sm" variant={dark ? 'inverse' : 'secondary'} iconStart={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
            {t('invite')}
          </Button>
        ) : null}
      </div>
      {isOwner ? <InviteDialog open={inviting} onClose={() => setInviting(false)} slug={slug} title={title} /> : null}
    </div>
  );
}
