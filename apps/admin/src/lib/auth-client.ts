/**
 * better-auth's JSON endpoints, called same-origin through the admin's /api proxy. A few fetch calls are all the
 * admin needs, so it does without better-auth's client bundle.
 */

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export interface SessionInfo {
  user: SessionUser;
  session: { id: string; activeOrganizationId?: string | null };
}

export class AuthError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify(body),
  });
  const data = (await response.json().catch(() => null)) as { message?: string } | null;
  if (!response.ok) {
    throw new AuthError(data?.message ?? `Request failed (${response.status})`, response.status);
  }
  return data as T;
}

export function signUp(input: { name: string; email: string; password: string }) {
  return post<{ user: SessionUser }>("/sign-up/email", input);
}

export function signIn(input: { email: string; password: string }) {
  return post<{ user: SessionUser }>("/sign-in/email", input);
}

export function signOut() {
  return post<{ success: boolean }>("/sign-out", {});
}
