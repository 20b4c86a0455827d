import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { oauthButtons } from '@/server/auth/auth-options';
import { getCurrentUser } from '@/server/auth/current-user';
import { getRuntime } from '@/server/runtime';
import { AuthShell, safeCallbackUrl } from '../AuthShell';
import { SignInForm } from './SignInForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signIn');
  return { title: t('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations('auth.signIn');
  const error = typeof params.error === 'string' ? params.error : undefined;
  return (
    <AuthShell
      title={t('title')}
      lead={t('lead')}
      footer={t.rich('noAccount', {
        link: (chunks) => (
          <Link href={`/sign-up${callbackUrl !== '/' ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`} className="font-semibold text-fjord-700 underline underline-offset-2 hover:text-fjord-800">
            {chunks}
          </Link>
        ),
      })}
    >
      <SignInForm callbackUrl={callbackUrl} oauth={oauthButtons(getRuntime().config)} initialError={error} />
    </AuthShell>
  );
}
