'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { TextField } from '@/app/_components/ui/TextField';
import { signUpAction } from './actions';
import { useAfterRender } from '@/app/_components/use-after-render';

const MIN_PASSWORD = 10;

export function SignUpForm({ locale, callbackUrl }: { locale: 'nb' | 'en'; callbackUrl: string }) {
  const t = useTranslations('auth.signUp');
  const te = useTranslations('errors');
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const afterRender = useAfterRender();

  const message = (code: string | undefined, extra?: Record<string, number>) =>
    code ? te(code as 'generic', { min: MIN_PASSWORD, minutes: 60, ...extra }) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      displayName: String(form.get('displayName') ?? ''),
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      locale,
    };
    startTransition(async () => {
      const result = await signUpAction(input);
      if (!result.ok) {
        setErrors(
          Object.fromEntries(
            Object.entries(result.errors).map(([field, code]) => [field, message(code, { minutes: result.retryInMinutes ?? 60 })!]),
          ),
        );
        // Move focus to the first field with an error, so keyboard and screen-reader users land on it.
        afterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus());
        return;
      }
      setErrors({});
      const signedIn = await signIn('credentials', { email: input.email, password: input.password, redirect: false });
      router.replace(signedIn?.ok ? callbackUrl : '/sign-in');
      router.refresh();
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-busy={pending}>
      {errors.form ? (
        <div data-form-error tabIndex={-1} className="outline-none">
          <Alert tone="error">{errors.form}</Alert>
        </div>
      ) : null}
      <TextField label={t('displayName')} name="displayName" autoComplete="name" required maxLength={80} error={errors.displayName} autoFocus />
      <TextField label={t('email')} name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        hint={t('passwordHint', { min: MIN_PASSWORD })}
        error={errors.password}
      />
      <Button type="submit" loading={pending} fullWidth>
        {pending ? t('submitting') : t('submit')}
      </Button>
      <p className="text-sm text-ink-muted">{t('terms')}</p>
    </form>
  );
}
