import { useTranslations } from 'next-intl';
import { Container } from '@/app/_components/ui/Container';

export default function Loading() {
  const t = useTranslations('jobs.loading');
  return (
    <Container className="py-10 sm:py-14">
      <div role="status" aria-live="polite">
        <span className="sr-only">{t('organisations')}</span>
        <div aria-hidden="true" className="animate-pulse">
          <div className="h-9 w-1/2 max-w-md rounded-lg bg-sand-200" />
          <div className="mt-4 h-5 w-full max-w-2xl rounded-lg bg-sand-200/80" />
          {[0, 1].map((index) => (
            <div key={index} className="mt-8 h-48 rounded-2xl border border-sand-200 bg-white" />
          ))}
        </div>
      </div>
    </Container>
  );
}
