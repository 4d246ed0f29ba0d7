import { AUTH_CLIENT_IP_HEADER } from "@frontdesk/core";

/** The request as better-auth gets it: AUTH_CLIENT_IP_HEADER set to our client IP, whatever the client sent. */
export function withClientIp(request: Request, ip: string): Request {
  const headers = new Headers(request.headers);
  headers.set(AUTH_CLIENT_IP_HEADER, ip);
  return new Request(request, { headers });
}
