/**
 * The custom server writes the caller's address into this header before Next.js sees the
 * request, replacing whatever the client sent, so route handlers and next-auth can trust it.
 */
export const CLIENT_IP_HEADER = 'x-hubro-client-ip';
