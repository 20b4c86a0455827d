'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/app/_components/ui/Button';
import { IconCheck } from '@/app/_components/ui/Icon';
import { IconBell } from './forum-icons';
import { useApiCall } from './use-api-call';

type Target = { threadId: string } | { categoryId: string };

/** Follow or stop following a thread or category (a toggle button, aria-pressed). */
export function FollowButton({ target, initial, size = 'sm' }: { target: Target; initial: boolean; size?: 'sm' | 'md' }) {
  const t = useTranslations('forum');
  const kind = 'threadId' in target ? 'thread' : 'category';
  const [following, setFollowing] = useState(initial);
  const { call, pending, error } = useApiCall();

  async function toggle() {
    const next = !following;
    setFollowing(next);
    const result = await call<{ following: boolean }>('/api/forum/follows', { body: { ...target, on: next } });
    if (!result.ok) setFollowing(!next);
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        size={size}
        aria-pressed={following}
        onClick={() => void toggle()}
        disabled={pending}
        title={t(`${kind}.followHint`)}
        iconStart={following ? <IconCheck size={16} /> : <IconBell size={16} />}
      >
        {following ? t(`${kind}.following`) : t(`${kind}.follow`)}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
