/**
 * The customer's session: a random id in an HttpOnly cookie. An order remembers (a hash of) the
 * session that created it, so the return page can show it to that browser, and only to it, after a
 * redirect through Clink has wiped the page's memory.
 */
import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { generateCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'store_session';
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/; // 32 random bytes, base64url
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

// The checkout handler sees only the `Request`; this is how its hooks find the session chosen here,
// including one minted for this very request, which its Cookie header cannot carry yet.
const sessionByRequest = new WeakMap<Request, string>();

/** The session of a request that passed through `customerSession()`. */
export function sessionIdOf(request: Request): string | undefined {
  return sessionByRequest.get(request);
}

/**
 * Gives every request a session: the one in its cookie, or a new one, sent back as a cookie.
 * `secure`: add the `Secure` attribute (the shop is served over https).
 */
export function customerSession(options: { secure: boolean }): MiddlewareHandler {
  return async (c, next) => {
    if (sessionByRequest.has(c.req.raw)) return next(); // already given one by an earlier route
    const existing = getCookie(c, SESSION_COOKIE);
    const sessionId = existing !== undefined && SESSION_ID.test(existing) ? existing : randomBytes(32).toString('base64url');
    sessionByRequest.set(c.req.raw, sessionId);
    await next();
    if (sessionId === existing) return;
    const cookie = {
      httpOnly: true,
      sameSite: 'Lax', // sent when Clink sends the customer back to the return page
      path: '/',
      secure: options.secure,
      maxAge: SESSION_MAX_AGE_SECONDS,
    } as const;
    // Added to the answer as it is: Hono's setCookie() would rebuild a finished answer, turning its body
    // into a stream (a tenth of a millisecond per payment). An answer whose headers are read-only gets it
    // the rebuilding way.
    try {
      c.res.headers.append('Set-Cookie', generateCookie(SESSION_COOKIE, sessionId, cookie));
    } catch {
      setCookie(c, SESSION_COOKIE, sessionId, cookie);
    }
  };
}
