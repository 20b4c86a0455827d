'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { LocalTime } from '@/app/_components/LocalTime';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { createInviteAction } from '../../actions';
import { CopyButton } from '../../_components/CopyButton';
import { Dialog } from '../../_components/Dialog';
import { roomActionError } from '../../_components/error-messages';
import { IconLink } from '../../_components/room-icons';

const VALIDITY_HOURS = [1, 24, 168] as const;

/** The owner's invite links: pick how long it works, get a link to send. */
export function InviteDialog({
  open,
  onClose,
  slug,
  title,
}: {
  open: boolean;
  onClose: () => void;
  slug: string;
  title: string;
}) {
  const t = useTranslations('rooms');
  const te = useTranslations('errors');
  const [hours, setHours] = useState<number>(24);
  const [invite, setInvite] = useState<{ url: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const urlId = useId();

  function create() {
    setError(null);
    startTransition(async () => {
      const result = await createInviteAction({ slug, hours });
      if (!result.ok) {
        setError(roomActionError(result.error, t, te));
        return;
      }
      setInvite({ url: result.url, expiresAt: result.expiresAt });
    });
  }

  return (
    <Dialog open={open} onClose={onClose} title={t('invite.title')} description={t('invite.lead', { title })}>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-semibold text-ink">{t('invite.validity')}</legend>
        <div className="grid grid-cols-3 gap-2">
          {VALIDITY_HOURS.map((value) => (
            <label
              key={value}
              className={cx(
                'flex cursor-pointer items-center justify-center rounded-lg border px-3 py-2.5 text-sm font-semibold transition-colors',
                'has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-fjord-500',
                hours === value
                  ? 'border-fjord-600 bg-fjord-50 text-fjord-800'
                  : 'border-sand-300 bg-white text-ink hover:border-fjord-400',
              )}
            >
              <input
                type="radio"
                name="invite-hours"
                value={value}
                checked={hours === value}
                onChange={() => {
                  setHours(value);
                  setInvite(null);
                }}
                className="sr-only"
              />
              {t(`invite.hours.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {invite ? (
        <div className="flex flex-col gap-3 rounded-xl border border-fjord-200 bg-fjord-50 p-4">
          <label htmlFor={urlId} className="text-sm font-semibold text-fjord-900">
            {t('invite.link')}
          </label>
          <input
            id={urlId}
            readOnly
            value={invite.url}
            onFocus={(event) => event.currentTarget.select()}
            className="h-11 w-full rounded-lg border border-sand-400 bg-white px-3 font-mono text-sm text-ink"
          />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-fjord-900">
              {t.rich('invite.expires', {
                time: () => <LocalTime value={invite.expiresAt} dateStyle="medium" timeStyle="short" className="font-semibold" />,
              })}
            </p>
            <CopyButton value={invite.url} label={t('invite.copy')} size="sm" />
          </div>
        </div>
      ) : (
        <Button onClick={create} loading={pending} iconStart={<IconLink size={18} />} className="self-start">
          {pending ? t('invite.creating') : t('invite.create')}
        </Button>
      )}
    </Dialog>
  );
}
