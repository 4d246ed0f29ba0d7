import pg from "pg";

/** One SQL statement sent by this process over node-postgres: its text and when it was sent and answered. */
export interface LoggedStatement {
  sql: string;
  startedAt: number;
  endedAt?: number;
}

/**
 * Records every statement this process sends through node-postgres (Prisma's PrismaPg adapter, raw SQL, the
 * search's own clients) by wrapping `pg.Client.prototype.query`, so a bench can count a request's statements and
 * see which ran one after another. PostgreSQL's own statement log is machine-wide; this sees one process only.
 * PGlite statements are not seen.
 */
export function logStatements(): { statements: LoggedStatement[]; stop(): void } {
  const statements: LoggedStatement[] = [];
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function query(this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const sql = typeof first === "string" ? first : (first?.text ?? "");
    const entry: LoggedStatement = { sql, startedAt: performance.now() };
    statements.push(entry);
    // pg.Pool#query passes a callback; Prisma's adapter and raw clients await the promise.
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (...results: unknown[]) => {
        entry.endedAt = performance.now();
        return (callback as (...a: unknown[]) => unknown)(...results);
      };
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) {
      result.then(
        () => (entry.endedAt = performance.now()),
        () => (entry.endedAt = performance.now()),
      );
    }
    return result;
  };
  return {
    statements,
    stop() {
      prototype.query = original;
    },
  };
}
