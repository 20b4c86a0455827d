import { Container } from '@/app/_components/ui/Container';
import { cx } from '@/app/_components/ui/class-names';

/** A page's shape while it streams in: eyebrow, title, lead, then cards (`sidebar`: a narrow column first). */
export function PageSkeleton({ label, sidebar = false }: { label: string; sidebar?: boolean }) {
  return (
    <Container size="wide" className="py-10 sm:py-14">
      <div role="status" aria-live="polite">
        <span className="sr-only">{label}</span>
        <div aria-hidden="true" className="animate-pulse">
          <div className="h-4 w-40 rounded-full bg-sand-200" />
          <div className="mt-4 h-9 w-2/3 max-w-lg rounded-lg bg-sand-200" />
          <div className="mt-4 h-5 w-full max-w-2xl rounded-lg bg-sand-200/80" />
          <div className={cx('mt-10 grid gap-5', sidebar ? 'lg:grid-cols-[16rem_minmax(0,1fr)]' : 'sm:grid-cols-2 lg:grid-cols-4')}>
            {(sidebar ? [0, 1] : [0, 1, 2, 3]).map((index) => (
              <div key={index} className="h-36 rounded-2xl border border-sand-200 bg-white" />
            ))}
          </div>
          <div className="mt-10 h-96 rounded-2xl border border-sand-200 bg-white" />
        </div>
      </div>
    </Container>
  );
}
