import type { ElementType, ReactNode } from 'react';
import { cx } from './class-names';

export type CardPadding = 'none' | 'sm' | 'md' | 'lg';

const PADDING: Record<CardPadding, string> = {
  none: '',
  sm: 'p-4',
  md: 'p-5 sm:p-6',
  lg: 'p-6 sm:p-8',
};

export type CardProps = {
  /** Element to render: 'div' (default), 'section', 'article', 'li', … */
  as?: ElementType;
  padding?: CardPadding;
  /** Lift on hover, for cards that contain a single stretched link. */
  interactive?: boolean;
  className?: string;
  children?: ReactNode;
  id?: string;
  'aria-labelledby'?: string;
};

export function Card({ as: Tag = 'div', padding = 'md', interactive = false, className, children, ...rest }: CardProps) {
  return (
    <Tag
      className={cx(
        'relative rounded-2xl border border-sand-200 bg-white shadow-xs',
        PADDING[padding],
        interactive && 'transition-shadow duration-200 hover:border-fjord-200 hover:shadow-md',
        className,
      )}
      {...rest}
    >
      {children}
    </Tag>
  );
}
