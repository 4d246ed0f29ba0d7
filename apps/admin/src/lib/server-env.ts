const trimSlash = (url: string) => url.replace(/\/+$/, "");

/**
 * Where the API listens. `next start` overwrites PORT with the admin's own port, so the npm scripts derive
 * API_URL from the API's PORT before Next starts.
 */
export function apiUrl(): string {
  return trimSlash(process.env.API_URL ?? "http://127.0.0.1:3000");
}

/** Public base URL of the API, as visitors' browsers see it (embed snippet, demo page). */
export function publicUrl(): string {
  return trimSlash(process.env.PUBLIC_URL ?? apiUrl());
}
