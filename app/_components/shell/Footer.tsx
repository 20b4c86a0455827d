import { getTranslations } from 'next-intl/server';
import { Container } from '../ui/Container';
import { OwlMark } from './OwlMark';

export async function Footer() {
  const t = await getTranslations('common.footer');
  const year = new Date().getFullYear();
  return (
    <footer className="surface-dark mt-auto bg-fjord-950 text-fjord-100">
      <Container size="wide" className="py-12 sm:py-14">
        <div className="grid gap-10 md:grid-cols-[1.4fr_1fr_1fr]">
          <div className="max-w-sm">
            <p className="flex items-center gap-2.5">
              <OwlMark className="size-8" />
              <span className="text-lg font-bold tracking-tight text-white">Hubro</span>
            </p>
            <p className="mt-4 text-sm leading-relaxed text-fjord-200">{t('about')}</p>
          </div>
          <div>
            <h2 className="text-sm font-semibold text-white">{t('ownerHeading')}</h2>
            <address className="mt-3 text-sm leading-relaxed text-fjord-200 not-italic">
              Dyrøyseminarsenteret KF
              <br />
              Tverrveien 1
              <br />
              9311 Brøstadbotn
            </address>
            <p className="mt-2 text-sm text-fjord-200">{t('municipality')}</p>
          </div>
          <div>
            <h2 className="text-sm font-semibold text-white">{t('forumHeading')}</h2>
            <p className="mt-3 text-sm leading-relaxed text-fjord-200">{t('forumNote')}</p>
          </div>
        </div>
        <div className="mt-10 flex flex-col gap-2 border-t border-fjord-800 pt-6 text-xs text-fjord-300 sm:flex-row sm:justify-between">
          <p>{t('copyright', { year })}</p>
          <p>{t('tagline')}</p>
        </div>
      </Container>
    </footer>
  );
}
