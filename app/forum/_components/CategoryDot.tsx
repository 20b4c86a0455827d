import { cx } from '@/app/_components/ui/class-names';

/** The category's colour (a #rrggbb the database checks) as a small swatch beside its name. */
export function CategoryDot({ color, className }: { color: string; className?: string }) {
  const safe = /^#[0-9a-f]{6}$/i.test(color) ? color : '#8a8173';
  return <span aria-hidden="true" className={cx('inline-block size-2.5 shrink-0 rounded-full', className)} style={{ backgroundColor: safe }} />;
}
