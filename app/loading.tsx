import { useTranslations } from 'next-intl';
import { Container } from './_components/ui/Container';

/** Shown while a page streams in: a calm skeleton of a page header and cards. */
export default function Loading() {
  const t = useTranslations('common');
  return (
    <Container size="wide" className="py-12 sm:py-16" >
      <div role="status" aria-live="polite">
        <span className="sr-only">{t('loading')}</span>
        <div aria-hidden="true" className="animate-pulse">
          <div className="h-4 w-28 rounded-full bg-sand-200" />
          <div className="mt-4 h-9 w-2/3 max-w-lg rounded-lg bg-sand-200" />
          <div className="mt-4 h-5 w-full max-w-2xl rounded-lg bg-sand-200/80" />
          <div className="mt-2 h-5 w-4/5 max-w-xl rounded-lg bg-sand-200/80" />
          <div className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {[0, 1, 2].map((index) => (
              <div key={index} className="h-48 rounded-2xl border border-sand-200 bg-white" />
            ))}
          </div>
        </div>
      </div>
    </Container>
  );
}
