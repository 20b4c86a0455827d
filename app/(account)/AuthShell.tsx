import type { ReactNode } from 'react';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { OwlMark } from '@/app/_components/shell/OwlMark';

/** The centred card that sign-in and sign-up share. */
export function AuthShell({ title, lead, children, footer }: { title: ReactNode; lead?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <Container size="narrow" className="py-10 sm:py-16">
      <Card padding="lg" className="mx-auto max-w-md">
        <div className="mb-6 flex flex-col items-center text-center">
          <OwlMark className="mb-3 h-10 w-10 text-fjord-700" />
          <h1 className="text-2xl font-bold text-ink">{title}</h1>
          {lead ? <p className="mt-2 text-ink-muted">{lead}</p> : null}
        </div>
        {children}
      </Card>
      {footer ? <div className="mx-auto mt-6 max-w-md text-center text-ink-muted">{footer}</div> : null}
    </Container>
  );
}

/** Only same-site paths: a callbackUrl must never send a member to another site. */
export function safeCallbackUrl(value: string | string[] | undefined, fallback = '/'): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return fallback;
  return candidate;
}
