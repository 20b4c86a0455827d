import { useTranslations } from 'next-intl';
import { Container } from '@/app/_components/ui/Container';

/** The list's shape while it streams in. */
export default function Loading() {
  const t = useTranslations('events.loading');
  return (
    <Container size="wide" className="py-10 sm:py-14">
      <div role="status" aria-live="polite">
        <span className="sr-only">{t('list')}</span>
        <div aria-hidden="true" className="animate-pulse">
          <div className="h-4 w-28 rounded-full bg-sand-200" />
          <div className="mt-4 h-9 w-2/3 max-w-lg rounded-lg bg-sand-200" />
          <div className="mt-4 h-5 w-full max-w-2xl rounded-lg bg-sand-200/80" />
          <div className="mt-12 h-7 w-40 rounded-lg bg-sand-200" />
          <div className="mt-5 grid gap-5 sm:grid-cols-2 xl:grid-cols-3">
            {[0, 1, 2].map((index) => (
              <div key={index} className="overflow-hidden rounded-2xl border border-sand-200 bg-white">
                <div className="aspect-[16/8] bg-sand-200/70" />
                <div className="flex flex-col gap-2 p-5">
                  <div className="h-5 w-3/4 rounded bg-sand-200" />
                  <div className="h-4 w-1/2 rounded bg-sand-200/80" />
                </div>
              </div>
            ))}
          </div>
        </div>
      </div>
    </Container>
  );
}
