/**
 * Which database the bench's database sections open, for the header: BENCH_KEEP_DATABASE (a postgres:// URL or a
 * PGlite directory) wins over DATABASE_URL, as in open-bench-api.ts.
 */
export function benchDatabaseLabel(env: NodeJS.ProcessEnv): string {
  const kept = env.BENCH_KEEP_DATABASE?.trim();
  if (kept) return isPostgresUrl(kept) ? `postgres (kept: ${databaseName(kept)})` : `pglite (kept: ${kept})`;
  return env.DATABASE_URL?.trim() ? "postgres" : "pglite";
}

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//.test(value);
}

function databaseName(url: string): string {
  return new URL(url).pathname.slice(1) || url;
}
