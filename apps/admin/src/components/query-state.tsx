import { errorMessage } from "@/lib/errors";

/** Loading / error placeholder for a query that has no data yet. */
export function QueryState({ error }: { error: unknown }) {
  if (error) return <p className="error" role="alert">{errorMessage(error)}</p>;
  return <p className="muted">Loading…</p>;
}
