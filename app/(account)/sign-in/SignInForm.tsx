'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { TextField } from '@/app/_components/ui/TextField';
import { applyPreferredLocale } from './actions';
import { useAfterRender } from '@/app/_components/use-after-render';

/** next-auth's own error names, and ours from authorize(), to catalogue keys. */
function errorMessage(code: string, te: ReturnType<typeof useTranslations<'errors'>>): string {
  const [name, minutes] = code.split(':');
  if (name === 'locked') return te('locked', { minutes: Number(minutes) || 15 });
  if (name === 'invalid_credentials' || name === 'CredentialsSignin') return te('invalid_credentials');
  if (name === 'oauth_not_linked' || name === 'OAuthAccountNotLinked') return te('oauth_not_linked');
  if (name === 'SessionRequired') return te('unauthorized');
  return te('generic');
}

export function SignInForm({
  callbackUrl,
  oauth,
  initialError,
}: {
  callbackUrl: string;
  oauth: Array<{ id: string; name: string }>;
  initialError?: string;
}) {
  const t = useTranslations('auth.signIn');
  const te = useTranslations('errors');
  const router = useRouter();
  const [error, setError] = useState<string | undefined>(initialError ? errorMessage(initialError, te) : undefined);
  const [pending, startTransition] = useTransition();
  const errorRef = useRef<HTMLDivElement>(null);
  const afterRender = useAfterRender();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      setError(undefined);
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (!result || result.error) {
        setError(errorMessage(result?.error ?? 'generic', te));
        afterRender(() => errorRef.current?.focus());
        return;
      }
      await applyPreferredLocale();
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-6">
      {error ? (
        <div ref={errorRef} tabIndex={-1} className="outline-none">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-busy={pending}>
        <TextField label={t('email')} name="email" type="email" autoComplete="email" required autoFocus />
        <TextField label={t('password')} name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" loading={pending} fullWidth>
          {pending ? t('submitting') : t('submit')}
        </Button>
      </form>
      {oauth.length > 0 ? (
        <div className="flex flex-col gap-3">
          <p className="flex items-center gap-3 text-sm text-ink-muted before:h-px before:flex-1 before:bg-sand-200 after:h-px after:flex-1 after:bg-sand-200">
            {t('or')}
          </p>
          {oauth.map((provider) => (
            <Button key={provider.id} variant="secondary" fullWidth onClick={() => void signIn(provider.id, { callbackUrl })}>
              {t('withProvider', { provider: provider.name })}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
