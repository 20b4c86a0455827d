import Link from 'next/link';
import type { ComponentProps, ReactNode } from 'react';
import { cx } from './class-names';
import { Spinner } from './Spinner';

/** `inverse` and `inverseOutline` are for dark surfaces (e.g. a call-to-action band). */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'inverse' | 'inverseOutline';
export type ButtonSize = 'sm' | 'md' | 'lg';

type StyleOptions = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
};

const BASE =
  'inline-flex items-center justify-center gap-2 rounded-lg font-semibold leading-none whitespace-nowrap ' +
  'transition-colors duration-150 select-none ' +
  'disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60';

const VARIANTS: Record<ButtonVariant, string> = {
  primary:
    'bg-fjord-600 text-white shadow-xs hover:bg-fjord-700 active:bg-fjord-800 disabled:hover:bg-fjord-600',
  secondary:
    'bg-white text-fjord-800 border border-sand-300 shadow-xs hover:border-fjord-400 hover:bg-fjord-50 active:bg-fjord-100',
  ghost: 'bg-transparent text-fjord-800 hover:bg-fjord-50 active:bg-fjord-100',
  danger: 'bg-danger-600 text-white shadow-xs hover:bg-danger-700 active:bg-danger-700',
  inverse: 'bg-white text-fjord-900 shadow-xs hover:bg-fjord-50 active:bg-fjord-100',
  inverseOutline: 'bg-transparent text-white ring-1 ring-white/50 ring-inset hover:bg-white/10 active:bg-white/15',
};

const SIZES: Record<ButtonSize, string> = {
  sm: 'h-9 px-3 text-sm',
  md: 'h-11 px-4 text-[0.9375rem]',
  lg: 'h-13 px-6 text-base',
};

/** The button look as a class string, for the rare element that is neither a button nor a link. */
export function buttonClassName({ variant = 'primary', size = 'md', fullWidth = false }: StyleOptions = {}) {
  return cx(BASE, VARIANTS[variant], SIZES[size], fullWidth && 'w-full');
}

export type ButtonProps = ComponentProps<'button'> &
  StyleOptions & {
    /** Shows a spinner, sets aria-busy and disables the button (prevents double submits). */
    loading?: boolean;
    /** Icon before the label (hidden while loading, the spinner takes its place). */
    iconStart?: ReactNode;
    iconEnd?: ReactNode;
  };

/**
 * NOTE: `type` defaults to "button", not the HTML default "submit": pass `type="submit"` in forms
 * (or use <SubmitButton>, which also shows the pending state of the form).
 */
export function Button({
  variant,
  size,
  fullWidth,
  loading = false,
  iconStart,
  iconEnd,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={cx(buttonClassName({ variant, size, fullWidth }), className)}
      {...rest}
    >
      {loading ? <Spinner size="sm" decorative /> : iconStart}
      {children}
      {iconEnd}
    </button>
  );
}

export type ButtonLinkProps = ComponentProps<typeof Link> &
  StyleOptions & {
    iconStart?: ReactNode;
    iconEnd?: ReactNode;
  };

/** A next/link that looks like a button. Use it for navigation, Button for actions. */
export function ButtonLink({
  variant,
  size,
  fullWidth,
  iconStart,
  iconEnd,
  className,
  children,
  ...rest
}: ButtonLinkProps) {
  return (
    <Link className={cx(buttonClassName({ variant, size, fullWidth }), className)} {...rest}>
      {iconStart}
      {children}
      {iconEnd}
    </Link>
  );
}
