import type { LoggedStatement } from "@frontdesk/db/testing";

// Recording moved to @frontdesk/db/testing (tests count statements with it too).
export { logStatements, type LoggedStatement } from "@frontdesk/db/testing";

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
