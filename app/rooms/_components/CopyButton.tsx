'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button, type ButtonProps } from '@/app/_components/ui/Button';
import { IconCheck } from '@/app/_components/ui/Icon';
import { IconCopy } from './room-icons';

/** The room's address on this site; the directory and the room page only know the slug. */
export function roomUrl(slug: string): string {
  return `${window.location.origin}/rooms/${slug}`;
}

/** Puts text on the clipboard, with the old selection trick where the Clipboard API is missing. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

export type CopyButtonProps = Omit<ButtonProps, 'onClick' | 'children' | 'value'> & {
  /** What to copy; a function for values only the browser knows (the page's origin). */
  value: string | (() => string);
  label: string;
  /** Accessible name when it should say more than the label ("Kopier lenken til Morgenmøte"). */
  accessibleLabel?: string;
  copiedLabel?: string;
};

/** A button that copies a link and says so ("Kopiert!") for a moment. */
export function CopyButton({ value, label, accessibleLabel, copiedLabel, iconStart, ...rest }: CopyButtonProps) {
  const t = useTranslations('rooms.share');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<number | null>(null);
  useEffect(() => () => void (timer.current && window.clearTimeout(timer.current)), []);

  async function onClick() {
    const ok = await copyText(typeof value === 'function' ? value() : value);
    setState(ok ? 'copied' : 'failed');
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 2500);
  }

  const shown = state === 'copied' ? (copiedLabel ?? t('copied')) : state === 'failed' ? t('copyFailed') : label;
  return (
    <Button
      {...rest}
      onClick={() => void onClick()}
      aria-label={state === 'idle' ? accessibleLabel : undefined}
      iconStart={state === 'copied' ? <IconCheck size={16} /> : (iconStart ?? <IconCopy size={16} />)}
    >
      <span aria-live="polite">{shown}</span>
    </Button>
  );
}

/** "Copy link" for a room; usable from server components (the origin is read in the browser). */
export function CopyRoomLinkButton({
  slug,
  title,
  ...rest
}: Omit<CopyButtonProps, 'value' | 'label' | 'accessibleLabel'> & { slug: string; title?: string }) {
  const t = useTranslations('rooms.share');
  return (
    <CopyButton
      {...rest}
      value={() => roomUrl(slug)}
      label={t('copyLink')}
      accessibleLabel={title ? t('copyLinkTo', { title }) : undefined}
    />
  );
}
