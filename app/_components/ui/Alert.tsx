import type { ReactNode } from 'react';
import { cx } from './class-names';
import { IconCheckCircle, IconErrorCircle, IconInfo, IconWarning } from './Icon';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const TONES: Record<AlertTone, { box: string; icon: string; Icon: typeof IconInfo }> = {
  info: { box: 'border-fjord-200 bg-fjord-50 text-fjord-900', icon: 'text-fjord-600', Icon: IconInfo },
  success: {
    box: 'border-success-200 bg-success-50 text-success-700',
    icon: 'text-success-600',
    Icon: IconCheckCircle,
  },
  warning: {
    box: 'border-warning-200 bg-warning-50 text-warning-700',
    icon: 'text-warning-600',
    Icon: IconWarning,
  },
  error: { box: 'border-danger-200 bg-danger-50 text-danger-700', icon: 'text-danger-600', Icon: IconErrorCircle },
};

export type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Extra content on the right/bottom, e.g. a retry button. */
  action?: ReactNode;
  /**
   * Override the live-region role. Defaults: "alert" for errors (interrupts), "status" otherwise
   * (polite). Use "none" for static notices that are part of the page from the start.
   */
  role?: 'alert' | 'status' | 'none';
  id?: string;
  className?: string;
};

export function Alert({ tone = 'info', title, children, action, role, id, className }: AlertProps) {
  const { box, icon, Icon } = TONES[tone];
  const liveRole = role ?? (tone === 'error' ? 'alert' : 'status');
  return (
    <div
      id={id}
      role={liveRole === 'none' ? undefined : liveRole}
      className={cx('flex gap-3 rounded-xl border px-4 py-3.5 text-sm', box, className)}
    >
      <Icon size={20} className={cx('mt-px shrink-0', icon)} />
      <div className="flex min-w-0 flex-1 flex-col gap-1 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
        <div className="min-w-0">
          {title ? <p className="font-semibold">{title}</p> : null}
          {children ? <div className={cx(title ? 'mt-0.5' : undefined, 'leading-relaxed')}>{children}</div> : null}
        </div>
        {action ? <div className="mt-2 shrink-0 sm:mt-0">{action}</div> : null}
      </div>
    </div>
  );
}
