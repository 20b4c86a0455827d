'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowRight } from '@/app/_components/ui/Icon';
import { TextField } from '@/app/_components/ui/TextField';
import { CallError } from '@/app/rooms/[slug]/_call/call-session';
import { RoomClient, type RoomInfo } from '@/app/rooms/[slug]/_components/RoomClient';

const NAME_KEY = 'hubro-lesson-guest-name';
const NAME_MAX = 80;

/**
 * The invited school names itself, then joins the lesson room as a guest: RoomClient asks for
 * a fresh guest pass on every (re)connect. A refused link (expired meanwhile, or the series
 * gone) ends the call with the server's message; a network failure is retried by CallSession.
 */
export function JoinLesson({ invite, room, intro }: { invite: string; room: RoomInfo; intro: ReactNode }) {
  const t = useTranslations('lessons.join');
  const te = useTranslations('errors');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [joined, setJoined] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // A classroom device usually joins every week: remember the name it used.
  useEffect(() => {
    const saved = window.localStorage.getItem(NAME_KEY);
    if (saved) setName(saved.slice(0, NAME_MAX));
  }, []);

  const guestPass = useCallback(async (): Promise<string> => {
    const response = await fetch('/api/lessons/guest-pass', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite, name }),
    });
    const body = (await response.json().catch(() => null)) as { ok: true; data: { pass: string } } | { ok: false; error?: { message?: string } } | null;
    if (response.ok && body?.ok) return body.data.pass;
    // Refused for good: say why. Anything else (offline, restarting, rate-limited) is retried.
    if (response.status === 400 || response.status === 403) throw new CallError('invite_invalid', body && !body.ok ? body.error?.message : undefined);
    throw new Error(`guest pass request failed with ${response.status}`);
  }, [invite, name]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = name.trim();
    if (!chosen) {
      setError(te('guest_name_required'));
      input.current?.focus();
      return;
    }
    if (chosen.length > NAME_MAX) {
      setError(te('guest_name_too_long'));
      input.current?.focus();
      return;
    }
    window.localStorage.setItem(NAME_KEY, chosen);
    setName(chosen);
    setError(undefined);
    setJoined(true);
  }

  if (joined) return <RoomClient room={room} isOwner={false} user={{ name }} guestPass={guestPass} />;

  return (
    <Container size="narrow" className="py-10 sm:py-14">
      {intro}
      <Card as="section" aria-labelledby="join-name" className="mt-6">
        <h2 id="join-name" className="text-lg font-semibold text-ink">
          {t('nameHeading')}
        </h2>
        <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-4">
          <TextField
            ref={input}
            label={t('nameLabel')}
            name="name"
            required
            maxLength={NAME_MAX}
            autoComplete="organization"
            value={name}
            onChange={(event) => setName(event.target.value)}
            hint={t('nameHint')}
            error={error}
          />
          <p className="text-sm text-ink-muted">{t('lobbyNote')}</p>
          <Button type="submit" size="lg" iconEnd={<IconArrowRight size={18} />} className="self-start">
            {t('continue')}
          </Button>
        </form>
      </Card>
    </Container>
  );
}
