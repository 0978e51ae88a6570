import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The token's own key, derived from the JWT secret: a token of one purpose never passes as another. */
function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('motcua:unsubscribe:v1').digest();
}

function mac(secret: string, userId: string): Buffer {
  return createHmac('sha256', keyOf(secret)).update(`email-updates:${userId.toLowerCase()}`).digest();
}

/**
 * The token of an e-mail's unsubscribe link: the user's id and an HMAC of it. No expiry, so an old
 * e-mail's link still works; it can only switch non-essential e-mail off, never read anything.
 */
export function signUnsubscribeToken(secret: string, userId: string): string {
  return `${userId}.${mac(secret, userId).toString('base64url')}`;
}

/** The user a token names, or null for anything not signed by us (compared in constant time). */
export function verifyUnsubscribeToken(secret: string, token: string | undefined): string | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [userId, sig, ...rest] = token.split('.');
  if (rest.length || !userId || !sig || !UUID.test(userId)) return null;
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(secret, userId);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return userId.toLowerCase();
}
