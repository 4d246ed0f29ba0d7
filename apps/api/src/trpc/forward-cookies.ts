/** better-auth server calls made with `returnHeaders: true` may refresh the session cookie; pass it on. */
export function forwardSetCookies(from: Headers, to: Headers): void {
  for (const cookie of from.getSetCookie()) to.append("set-cookie", cookie);
}
