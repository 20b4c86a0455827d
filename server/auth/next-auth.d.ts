import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & { id: string; role: 'member' | 'host' | 'moderator' | 'admin' };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: 'member' | 'host' | 'moderator' | 'admin';
    locale?: 'nb' | 'en';
  }
}
