import type { ElementType, ReactNode } from 'react';
import { cx } from './class-names';

export type ContainerSize = 'narrow' | 'default' | 'wide';

const SIZES: Record<ContainerSize, string> = {
  narrow: 'max-w-2xl',
  default: 'max-w-6xl',
  wide: 'max-w-7xl',
};

export type ContainerProps = {
  size?: ContainerSize;
  as?: ElementType;
  className?: string;
  children?: ReactNode;
};

/** Centres content with the page's horizontal padding. */
export function Container({ size = 'default', as: Tag = 'div', className, children }: ContainerProps) {
  return <Tag className={cx('mx-auto w-full px-4 sm:px-6 lg:px-8', SIZES[size], className)}>{children}</Tag>;
}
