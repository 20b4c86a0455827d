import type { ReactNode } from 'react';
import type { IconProps } from './Icon';

/**
 * One labelled fact with its icon, inside a <dl>: the side panels of a space page and a job
 * page ("Fibre", "Apply by", …).
 */
export function Fact({ Icon, label, children }: { Icon: (props: IconProps) => ReactNode; label: string; children: ReactNode }) {
  return (
    <div className="flex gap-3">
      <Icon size={20} className="mt-0.5 shrink-0 text-fjord-700" />
      <div className="min-w-0">
        <dt className="text-sm font-semibold text-ink">{label}</dt>
        <dd className="mt-0.5 text-[0.9375rem] break-words text-ink-muted">{children}</dd>
      </div>
    </div>
  );
}
