'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { cx } from './class-names';
import { IconClose } from './Icon';

export type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
};

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape, makes the page
 * behind inert and returns focus to the opener.
 * (The same component as app/rooms/_components/Dialog.tsx, shared here for other features.)
 */
export function Dialog({ open, onClose, title, description, children, className }: DialogProps) {
  const t = useTranslations('common.actions');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (event.target === ref.current) onClose();
      }}
      className={cx(
        'm-auto w-[min(34rem,calc(100vw-2rem))] rounded-2xl border border-sand-200 bg-white p-0 text-ink shadow-lg',
        'backdrop:bg-fjord-950/60 backdrop:backdrop-blur-[2px]',
        className,
      )}
    >
      {open ? (
        <div className="flex flex-col gap-5 p-5 sm:p-6">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-lg font-semibold text-ink">
                {title}
              </h2>
              {description ? (
                <p id={descriptionId} className="mt-1 text-sm text-ink-muted">
                  {description}
                </p>
              ) : null}
            </div>
            <button
              type="button"
              onClick={onClose}
              className="-mt-1 -mr-1 flex size-9 shrink-0 items-center justify-center rounded-lg text-ink-muted hover:bg-sand-100 hover:text-ink"
            >
              <IconClose size={20} title={t('close')} />
            </button>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
