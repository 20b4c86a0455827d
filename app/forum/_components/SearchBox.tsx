import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { controlBorder, controlClassName } from '@/app/_components/ui/Field';
import { IconSearch } from './forum-icons';

/** A plain GET form to /forum/search: it works before (and without) JavaScript. */
export function SearchBox({ defaultValue, className }: { defaultValue?: string; className?: string }) {
  const t = useTranslations('forum.searchBox');
  return (
    <form role="search" action="/forum/search" method="get" className={cx('flex w-full gap-2', className)}>
      <label htmlFor="forum-search-q" className="sr-only">
        {t('label')}
      </label>
      <div className="relative min-w-0 flex-1">
        <IconSearch size={18} className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-ink-muted" />
        <input
          id="forum-search-q"
          type="search"
          name="q"
          defaultValue={defaultValue}
          placeholder={t('placeholder')}
          minLength={2}
          maxLength={200}
          required
          className={cx(controlClassName, controlBorder, 'h-11 pl-10')}
        />
      </div>
      <Button type="submit" variant="secondary">
        {t('submit')}
      </Button>
    </form>
  );
}
