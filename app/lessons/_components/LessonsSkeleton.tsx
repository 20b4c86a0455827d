import { useTranslations } from 'next-intl';
import { Container } from '@/app/_components/ui/Container';

/** The page's shape while it streams in. */
export function LessonsSkeleton({ label }: { label: 'list' | 'series' | 'join' }) {
  const t = useTranslations('lessons.loading');
  return (
    <Container size={label === 'join' ? 'narrow' : 'wide'} className="py-10 sm:py-14">
      <div role="status" aria-live="polite">
        <span className="sr-only">{t(label)}</span>
        <div aria-hidden="true" className="animate-pulse">
          <div className="h-4 w-28 rounded-full bg-sand-200" />
          <div className="mt-4 h-9 w-2/3 max-w-lg rounded-lg bg-sand-200" />
          <div className="mt-4 h-5 w-full max-w-2xl rounded-lg bg-sand-200/80" />
          <div className="mt-10 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
            <div className="flex flex-col gap-3">
              {[0, 1, 2, 3].map((index) => (
                <div key={index} className="h-20 rounded-2xl border border-sand-200 bg-white" />
              ))}
            </div>
            <div className="h-80 rounded-2xl border border-sand-200 bg-white" />
          </div>
        </div>
      </div>
    </Container>
  );
}
