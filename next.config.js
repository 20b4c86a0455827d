import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./app/_i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WASM packages must never be bundled: the custom server (server/index.ts) owns
  // one instance of each and shares it through server/runtime.ts. See STACK-NOTES.
  serverExternalPackages: [
    'mediasoup',
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'postgres',
    'ioredis',
    'pino',
    'prom-client',
  ],
  turbopack: {
    root: import.meta.dirname,
  },
};

export default withNextIntl(nextConfig);
