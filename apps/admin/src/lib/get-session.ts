import { headers } from "next/headers";
import type { SessionInfo } from "./auth-client";
import { apiUrl } from "./server-env";

/** Asks the API who the request's cookie belongs to; null when signed out. Throws when the API is unreachable. */
export async function getSession(): Promise<SessionInfo | null> {
  const cookie = (await headers()).get("cookie");
  if (!cookie) return null;
  const url = `${apiUrl()}/api/auth/get-session`;
  const response = await fetch(url, { headers: { cookie }, cache: "no-store" }).catch((error: unknown) => {
    throw new Error(`Cannot reach the Frontdesk API at ${apiUrl()} (set API_URL)`, { cause: error });
  });
  if (!response.ok) return null;
  return (await response.json()) as SessionInfo | null;
}
