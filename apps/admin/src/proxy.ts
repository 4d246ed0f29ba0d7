import { NextResponse, type NextRequest } from "next/server";
import { apiUrl } from "./lib/server-env";

/**
 * Forwards /api/* (tRPC and better-auth) to the API so the session cookie stays same-origin. Done here rather than
 * in next.config rewrites because those are frozen at build time and API_URL is a runtime setting.
 */
export function proxy(request: NextRequest) {
  const target = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, `${apiUrl()}/`);
  return NextResponse.rewrite(target);
}

// Not /api/admin/*: the file upload is forwarded by its own route handler (src/app/api/admin/…/route.ts), which
// streams the body instead of letting this proxy buffer all of it first.
export const config = { matcher: "/api/((?!admin/).*)" };
