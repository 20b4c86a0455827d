import { useTranslations } from 'next-intl';
import { Container } from '@/app/_components/ui/Container';

/** The shape of the job list or a job page while it streams in, announced once. */
export function JobsSkeleton({ variant }: { variant: 'list' | 'job' }) {
  const t = useTranslations('jobs.loading');
  return (
    <Container size={variant === 'list' ? 'wide' : 'default'} className="py-10 sm:py-14">
      <div role="status" aria-live="polite">
        <span className="sr-only">{t(variant)}</span>
        <div aria-hidden="true" className="animate-pulse">
          <div className="h-4 w-28 rounded-full bg-sand-200" />
          <div className="mt-4 h-9 w-2/3 max-w-lg rounded-lg bg-sand-200" />
          <div className="mt-4 h-5 w-full max-w-2xl rounded-lg bg-sand-200/80" />
          {variant === 'list' ? (
            <>
              <div className="mt-8 h-24 rounded-2xl bg-sand-100" />
              <div className="mt-8 grid gap-5 md:grid-cols-2 xl:grid-cols-3">
                {[0, 1, 2].map((index) => (
                  <div key={index} className="flex flex-col gap-3 rounded-2xl border border-sand-200 bg-white p-6">
                    <div className="h-5 w-32 rounded-full bg-sand-200/80" />
                    <div className="h-6 w-3/4 rounded bg-sand-200" />
                    <div className="h-4 w-1/2 rounded bg-sand-200/80" />
                    <div className="h-4 w-full rounded bg-sand-100" />
                  </div>
                ))}
              </div>
            </>
          ) : (
            <div className="mt-10 grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
              <div className="flex flex-col gap-3">
                {[0, 1, 2, 3, 4].map((index) => (
                  <div key={index} className="h-4 rounded bg-sand-200/80" style={{ width: `${90 - index * 8}%` }} />
                ))}
              </div>
              <div className="h-56 rounded-2xl bg-sand-100" />
            </div>
          )}
        </div>
      </div>
    </Container>
  );
}
