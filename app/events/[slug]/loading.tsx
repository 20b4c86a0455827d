import { useTranslations } from 'next-intl';
import { Container } from '@/app/_components/ui/Container';

/** The event page's shape while it streams in: header, the dark player band, the details. */
export default function Loading() {
  const t = useTranslations('events.loading');
  return (
    <div role="status" aria-live="polite" className="flex flex-col">
      <span className="sr-only">{t('event')}</span>
      <Container size="wide" className="flex flex-col gap-3 pt-8 pb-5" >
        <div aria-hidden="true" className="flex animate-pulse flex-col gap-3">
          <div className="h-5 w-24 rounded-full bg-sand-200" />
          <div className="h-9 w-2/3 max-w-xl rounded-lg bg-sand-200" />
          <div className="h-5 w-1/2 max-w-md rounded-lg bg-sand-200/80" />
        </div>
      </Container>
      <div aria-hidden="true" className="bg-[#0f1a1d]">
        <Container size="wide" className="grid gap-4 py-4 sm:py-6 lg:grid-cols-[minmax(0,1fr)_21rem] xl:grid-cols-[minmax(0,1fr)_24rem]">
          <div className="aspect-video animate-pulse rounded-xl bg-white/5" />
          <div className="h-[26rem] animate-pulse rounded-xl bg-white/5 lg:h-auto" />
        </Container>
      </div>
    </div>
  );
}
