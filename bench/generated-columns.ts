import type { PGlite } from "@electric-sql/pglite";

/**
 * Runs `load` with the table's stored generated columns writable, then makes them generated again, unchanged: a
 * COPY may then bring their values from a database where they were already computed instead of computing them
 * row by row. Needed by copy-to-pglite.ts because chunk.fts (to_tsvector of frontdesk_search_text(content))
 * computed in WebAssembly was most of a 100k copy's time. PostgreSQL has no DDL that turns a generated column
 * off and on again without recomputing it (DROP EXPRESSION, then SET EXPRESSION, rewrites the table), so the
 * catalog flag is flipped (PGlite's user is superuser): the expression stays in pg_attrdef meanwhile, so a COPY
 * that leaves the column out still gets its computed value. Only for loads whose values came from the same
 * expression: `load` is handed the columns, and `checkGeneratedColumns` samples them afterwards.
 */
export async function withGeneratedColumnsWritable<T>(pglite: PGlite, table: string, load: (generated: string[]) => Promise<T>): Promise<T> {
  const generated = (
    await pglite.query<{ name: string }>(
      `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attgenerated = 's' AND NOT attisdropped ORDER BY attnum`,
      [quoted(table)],
    )
  ).rows.map((row) => row.name);
  if (generated.length === 0) return load([]);
  await setGenerated(pglite, table, generated, "");
  try {
    return await load(generated);
  } finally {
    await setGenerated(pglite, table, generated, "s");
  }
}

/**
 * Throws unless the stored generated columns of up to `sample` rows hold what their expressions compute now
 * (e.g. a source on another PostgreSQL version whose to_tsvector parsed differently).
 */
export async function checkGeneratedColumns(pglite: PGlite, table: string, sample: number): Promise<void> {
  const expressions = (
    await pglite.query<{ name: string; expression: string }>(
      `SELECT a.attname AS name, pg_get_expr(d.adbin, d.adrelid) AS expression
         FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1::regclass AND a.attgenerated = 's' AND NOT a.attisdropped`,
      [quoted(table)],
    )
  ).rows;
  for (const { name, expression } of expressions) {
    const [row] = (
      await pglite.query<{ differing: number; checked: number }>(
        `SELECT count(*) FILTER (WHERE s.${quoted(name)} IS DISTINCT FROM (${expression}))::int AS differing, count(*)::int AS checked
           FROM (SELECT * FROM ${quoted(table)} LIMIT ${Math.floor(sample)}) AS s`,
      )
    ).rows;
    if (row && row.differing > 0) throw new Error(`${table}.${name}: ${row.differing} of ${row.checked} copied values differ from ${expression}`);
  }
}

async function setGenerated(pglite: PGlite, table: string, columns: string[], flag: "" | "s"): Promise<void> {
  await pglite.query(`UPDATE pg_attribute SET attgenerated = $3 WHERE attrelid = $1::regclass AND attname = ANY($2::name[])`, [quoted(table), columns, flag]);
}

function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
