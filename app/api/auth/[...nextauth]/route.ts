import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/auth-options';

// Options come from the runtime registry (db, store, secret), so they are read per request.
function handler(req: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
