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

/** A statement's text shortened for a table: whitespace folded, the first `width` characters. */
export function shortSql(sql: string, width = 110): string {
  const folded = sql.replace(/\s+/g, " ").trim();
  return folded.length > width ? `${folded.slice(0, width - 1)}…` : folded;
}

/**
 * The longest chain of statements that ran one after another among `statements` (each started after the one before
 * it was answered): the round trips a request waited for in a row, at the least. Statements still unanswered are left out.
 */
export function longestSequentialChain(statements: readonly LoggedStatement[]): LoggedStatement[] {
  const done = statements.filter((s): s is LoggedStatement & { endedAt: number } => s.endedAt !== undefined).sort((a, b) => a.startedAt - b.startedAt);
  const best: { length: number; previous: number }[] = [];
  for (let i = 0; i < done.length; i++) {
    best.push({ length: 1, previous: -1 });
    for (let j = 0; j < i; j++) {
      if (done[j]!.endedAt <= done[i]!.startedAt && best[j]!.length + 1 > best[i]!.length) best[i] = { length: best[j]!.length + 1, previous: j };
    }
  }
  let end = best.reduce((top, entry, index) => (entry.length > (best[top]?.length ?? 0) ? index : top), 0);
  const chain: LoggedStatement[] = [];
  while (end >= 0 && done[end]) {
    chain.unshift(done[end]!);
    end = best[end]!.previous;
  }
  return chain;
}
