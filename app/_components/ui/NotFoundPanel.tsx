import type { ReactNode } from 'react';
import { ButtonLink } from './Button';
import { Container } from './Container';
import { IconArrowLeft } from './Icon';

export type NotFoundPanelProps = {
  /** A decorative icon for the feature, e.g. <IconCompass size={36} />. */
  icon: ReactNode;
  /** Small label above the title, e.g. "Error 404". */
  eyebrow?: ReactNode;
  title: ReactNode;
  body: ReactNode;
  backHref: string;
  backLabel: ReactNode;
};

/** A feature's 404 page body: icon, title, a line of help and the way back to the feature. */
export function NotFoundPanel({ icon, eyebrow, title, body, backHref, backLabel }: NotFoundPanelProps) {
  return (
    <Container size="narrow" className="flex flex-1 flex-col items-center justify-center py-20 text-center sm:py-28">
      <div aria-hidden="true" className="flex size-20 items-center justify-center rounded-full bg-fjord-50 text-fjord-600 ring-8 ring-fjord-50/50">
        {icon}
      </div>
      {eyebrow ? <p className="mt-8 text-sm font-semibold tracking-wide text-fjord-700">{eyebrow}</p> : null}
      <h1 className={eyebrow ? 'mt-2 text-3xl font-bold text-ink sm:text-4xl' : 'mt-8 text-3xl font-bold text-ink sm:text-4xl'}>{title}</h1>
      <p className="mt-4 max-w-lg text-lg text-ink-muted">{body}</p>
      <ButtonLink href={backHref} className="mt-8" iconStart={<IconArrowLeft size={16} />}>
        {backLabel}
      </ButtonLink>
    </Container>
  );
}
