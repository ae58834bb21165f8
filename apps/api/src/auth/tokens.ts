import { createHash, randomBytes } from 'node:crypto';

/** A new random token (256 bits, base64url). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What the database stores of a session token: its SHA-256, so a leaked table opens no session. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export const SESSION_COOKIE = 'kw_session';
export const CSRF_HEADER = 'x-csrf-token';
