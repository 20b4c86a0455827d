'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { ButtonLink } from '@/app/_components/ui/Button';
import { NICKNAME_MAX, NICKNAME_MIN } from '../../_watch/watch-session';

/** Anonymous visitors of a public event: a name for the chat before they join the audience. */
export function NicknameForm({ initial, onSubmit, signInHref }: { initial: string; onSubmit: (nickname: string) => void; signInHref: string }) {
  const t = useTranslations('events.nickname');
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const nickname = value.trim().replace(/\s+/g, ' ');
    if (nickname.length < NICKNAME_MIN || nickname.length > NICKNAME_MAX) {
      setError(t('length', { min: NICKNAME_MIN, max: NICKNAME_MAX }));
      return;
    }
    onSubmit(nickname);
  }

  return (
    <form onSubmit={submit} noValidate className="flex w-full max-w-sm flex-col gap-3 rounded-2xl bg-black/45 p-4 text-left ring-1 ring-white/15 backdrop-blur-sm sm:p-5">
      <p className="text-base font-semibold text-white sm:text-lg">{t('title')}</p>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={inputId} className="text-sm font-semibold text-white">
          {t('label')}
        </label>
        <input
          id={inputId}
          value={value}
          maxLength={NICKNAME_MAX}
          autoComplete="nickname"
          aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          className="h-11 rounded-lg border border-white/30 bg-white/10 px-3.5 text-base text-white placeholder:text-white/50 hover:border-white/50"
          placeholder={t('placeholder')}
        />
        <p id={hintId} className="text-xs text-white/75">
          {t('hint')}
        </p>
        {error ? (
          <p id={errorId} role="alert" className="text-sm font-medium text-danger-200">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="h-11 rounded-lg bg-white px-4 font-semibold text-fjord-950 shadow-xs hover:bg-fjord-50">
        {t('submit')}
      </button>
      <p className="text-xs text-white/75">
        {t('member')}{' '}
        <a href={signInHref} className="font-semibold text-white underline underline-offset-2">
          {t('signIn')}
        </a>
      </p>
    </form>
  );
}

/** Unlisted or members' events for a signed-out visitor: the audience is for members. */
export function SignInGate({ signInHref }: { signInHref: string }) {
  const t = useTranslations('events.gate');
  return (
    <div className="flex max-w-md flex-col items-center gap-3">
      <p className="text-lg font-semibold text-white">{t('title')}</p>
      <p className="text-sm text-fjord-50">{t('body')}</p>
      <div className="mt-1 flex flex-wrap justify-center gap-3">
        <ButtonLink href={signInHref} variant="inverse">
          {t('signIn')}
        </ButtonLink>
        <ButtonLink href="/sign-up" variant="inverseOutline">
          {t('signUp')}
        </ButtonLink>
      </div>
    </div>
  );
}
