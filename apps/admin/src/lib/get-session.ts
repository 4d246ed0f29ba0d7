import { headers } from "next/headers";
import type { SessionInfo } from "./auth-client";
import { apiUrl } from "./server-env";

/** Asks the API who the request's cookie belongs to; null when signed out. */
export async function getSession(): Promise<SessionInfo | null> {
  const cookie = (await headers()).get("cookie");
  if (!cookie) return null;
  const response = await fetch(`${apiUrl()}/api/auth/get-session`, { headers: { cookie }, cache: "no-store" });
  if (!response.ok) return null;
  return (await response.json()) as SessionInfo | null;
}
