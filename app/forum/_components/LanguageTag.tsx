import { useTranslations } from 'next-intl';
import { cx } from '@/app/_components/ui/class-names';

/** The language a post or thread is written in (and searched with): "NB" or "EN". */
export function LanguageTag({ language, className }: { language: string; className?: string }) {
  const t = useTranslations('forum');
  const known = language === 'en' ? 'en' : 'nb';
  const name = t(`languages.${known}`);
  return (
    <span
      title={t('languageTag', { language: name.toLowerCase() })}
      className={cx(
        'inline-flex h-5 items-center rounded-md bg-sand-100 px-1.5 font-mono text-[0.6875rem] font-semibold tracking-wide text-sand-700 ring-1 ring-sand-200 ring-inset',
        className,
      )}
    >
      <span aria-hidden="true">{known === 'en' ? 'EN' : 'NO'}</span>
      <span className="sr-only">{t('languageTag', { language: name.toLowerCase() })}</span>
    </span>
  );
}
