import { useTranslations } from 'next-intl';
import { Container } from '@/app/_components/ui/Container';

/** Calm placeholders while a spaces page streams in, shaped like the page that is coming. */
export function SpacesSkeleton({ variant }: { variant: 'directory' | 'space' | 'list' }) {
  const t = useTranslations('common');
  return (
    <Container size="wide" className="py-10 sm:py-14">
      <div role="status" aria-live="polite">
        <span className="sr-only">{t('loading')}</span>
        <div aria-hidden="true" className="animate-pulse">
          <div className="h-4 w-28 rounded-full bg-sand-200" />
          <div className="mt-4 h-9 w-2/3 max-w-lg rounded-lg bg-sand-200" />
          <div className="mt-4 h-5 w-full max-w-2xl rounded-lg bg-sand-200/80" />
          {variant === 'directory' ? (
            <>
              <div className="mt-8 h-40 rounded-2xl border border-sand-200 bg-white" />
              <div className="mt-8 grid gap-6 lg:grid-cols-[1fr_0.85fr]">
                <div className="flex flex-col gap-4">
                  {[0, 1, 2].map((i) => (
                    <div key={i} className="h-36 rounded-2xl border border-sand-200 bg-white" />
                  ))}
                </div>
                <div className="hidden h-[28rem] rounded-2xl bg-sand-100 lg:block" />
              </div>
            </>
          ) : variant === 'space' ? (
            <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_22rem]">
              <div className="flex flex-col gap-4">
                <div className="h-64 rounded-2xl bg-sand-100" />
                <div className="h-96 rounded-2xl border border-sand-200 bg-white" />
              </div>
              <div className="h-80 rounded-2xl border border-sand-200 bg-white" />
            </div>
          ) : (
            <div className="mt-8 flex flex-col gap-4">
              {[0, 1, 2].map((i) => (
                <div key={i} className="h-28 rounded-2xl border border-sand-200 bg-white" />
              ))}
            </div>
          )}
        </div>
      </div>
    </Container>
  );
}
