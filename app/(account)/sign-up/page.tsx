import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/server/auth/current-user';
import { AuthShell, safeCallbackUrl } from '../AuthShell';
import { SignUpForm } from './SignUpForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signUp');
  return { title: t('title') };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, '/profile?welcome=1');
  if (await getCurrentUser()) redirect('/');
  const [t, locale] = await Promise.all([getTranslations('auth.signUp'), getLocale()]);
  return (
    <AuthShell
      title={t('title')}
      lead={t('lead')}
      footer={t.rich('haveAccount', {
        link: (chunks) => (
          <Link href="/sign-in" className="font-semibold text-fjord-700 underline underline-offset-2 hover:text-fjord-800">
            {chunks}
          </Link>
        ),
      })}
    >
      <SignUpForm locale={locale === 'en' ? 'en' : 'nb'} callbackUrl={callbackUrl} />
    </AuthShell>
  );
}
