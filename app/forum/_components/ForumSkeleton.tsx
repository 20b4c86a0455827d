import { useTranslations } from 'next-intl';
import { Container } from '@/app/_components/ui/Container';

/** Loading placeholders for the forum's pages: the shape of what is coming, quietly pulsing. */
export function ForumSkeleton({ variant }: { variant: 'index' | 'list' | 'thread' | 'form' }) {
  const t = useTranslations('common');
  return (
    <Container size={variant === 'thread' || variant === 'form' ? 'default' : 'wide'} className={variant === 'thread' || variant === 'form' ? 'max-w-4xl py-8 sm:py-12' : 'py-8 sm:py-12'}>
      <div role="status" aria-live="polite">
        <span className="sr-only">{t('loading')}</span>
        <div aria-hidden="true" className="animate-pulse">
          <div className="h-4 w-32 rounded-full bg-sand-200" />
          <div className="mt-4 h-9 w-2/3 max-w-lg rounded-lg bg-sand-200" />
          <div className="mt-3 h-5 w-full max-w-2xl rounded-lg bg-sand-200/80" />
          {variant === 'index' ? (
            <div className="mt-10 grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {[0, 1, 2, 3, 4, 5].map((i) => (
                <div key={i} className="h-40 rounded-2xl border border-sand-200 bg-white" />
              ))}
            </div>
          ) : variant === 'list' ? (
            <div className="mt-10 divide-y divide-sand-100 rounded-2xl border border-sand-200 bg-white">
              {[0, 1, 2, 3, 4, 5, 6].map((i) => (
                <div key={i} className="flex items-center gap-6 px-6 py-5">
                  <div className="flex-1">
                    <div className="h-4 w-3/5 rounded bg-sand-200" />
                    <div className="mt-2 h-3 w-2/5 rounded bg-sand-100" />
                  </div>
                  <div className="hidden h-3 w-16 rounded bg-sand-100 md:block" />
                  <div className="hidden h-3 w-20 rounded bg-sand-100 md:block" />
                </div>
              ))}
            </div>
          ) : variant === 'thread' ? (
            <div className="mt-10 flex flex-col gap-4">
              {[0, 1, 2].map((i) => (
                <div key={i} className="rounded-2xl border border-sand-200 bg-white p-5">
                  <div className="flex items-center gap-3">
                    <div className="size-10 rounded-full bg-sand-200" />
                    <div className="h-4 w-40 rounded bg-sand-200" />
                  </div>
                  <div className="mt-4 ml-13 flex flex-col gap-2">
                    <div className="h-3 w-full rounded bg-sand-100" />
                    <div className="h-3 w-11/12 rounded bg-sand-100" />
                    <div className="h-3 w-3/5 rounded bg-sand-100" />
                  </div>
                </div>
              ))}
            </div>
          ) : (
            <div className="mt-10 h-96 rounded-2xl border border-sand-200 bg-white" />
          )}
        </div>
      </div>
    </Container>
  );
}
