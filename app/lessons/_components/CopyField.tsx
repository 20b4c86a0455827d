'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/app/_components/ui/Button';
import { IconCheck } from '@/app/_components/ui/Icon';
import { copyText } from '@/app/rooms/_components/CopyButton';
import { IconCopy } from '@/app/rooms/_components/room-icons';

/** A read-only link with a copy button that says so for a moment. */
export function CopyField({
  id,
  label,
  value,
  hint,
  labels,
}: {
  id: string;
  label: string;
  value: string;
  hint?: string;
  labels: { copy: string; copied: string; copyFailed: string };
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<number | null>(null);
  useEffect(() => () => void (timer.current && window.clearTimeout(timer.current)), []);

  async function copy() {
    const ok = await copyText(value);
    setState(ok ? 'copied' : 'failed');
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 2500);
  }

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-semibold text-ink">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="block h-11 w-full min-w-0 rounded-lg border border-sand-500 bg-sand-50 px-3.5 font-mono text-sm text-ink"
        />
        <Button variant="secondary" onClick={() => void copy()} iconStart={state === 'copied' ? <IconCheck size={16} /> : <IconCopy size={16} />} className="shrink-0">
          <span aria-live="polite">{state === 'copied' ? labels.copied : state === 'failed' ? labels.copyFailed : labels.copy}</span>
        </Button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
