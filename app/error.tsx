'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { Button, ButtonLink } from './_components/ui/Button';
import { Container } from './_components/ui/Container';
import { IconRefresh, IconWarning } from './_components/ui/Icon';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('common');
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;

  useEffect(() => {
    // The server already logged the cause; this helps when the error happened in the browser.
    console.error(error);
  }, [error]);

  return (
    <Container size="narrow" className="flex flex-1 flex-col items-center justify-center py-20 text-center sm:py-28">
      <div
        aria-hidden="true"
        className="flex size-20 items-center justify-center rounded-full bg-warning-50 text-warning-600 ring-8 ring-warning-50/50"
      >
        <IconWarning size={36} />
      </div>
      <p className="mt-8 text-sm font-semibold tracking-wide text-warning-700">{t('error.eyebrow')}</p>
      <h1 className="mt-2 text-3xl font-bold text-ink sm:text-4xl">{t('error.title')}</h1>
      <p className="mt-4 max-w-lg text-lg text-ink-muted">{t('error.body')}</p>
      {digest ? (
        <p className="mt-4 rounded-md bg-sand-100 px-3 py-1.5 font-mono text-sm text-ink-muted">
          {t('error.reference', { digest })}
        </p>
      ) : null}
      <div className="mt-8 flex w-full flex-col gap-3 sm:w-auto sm:flex-row">
        <Button onClick={() => retry()} iconStart={<IconRefresh size={16} />}>
          {t('actions.tryAgain')}
        </Button>
        <ButtonLink href="/" variant="secondary">
          {t('actions.backHome')}
        </ButtonLink>
      </div>
    </Container>
  );
}
