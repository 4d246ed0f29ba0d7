import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../packages/db/src/pglite";
import { checkGeneratedColumns, withGeneratedColumnsWritable } from "./generated-columns";

// copy-to-pglite.ts copies chunk.fts as the source computed it: the column must take the copied values during the
// load and be a generated column again afterwards, computing new rows' values itself.

let pglite: PGlite;

beforeAll(async () => {
  pglite = await openPglite();
  await pglite.exec(`
    CREATE TABLE source (id int PRIMARY KEY, content text NOT NULL, fts tsvector GENERATED ALWAYS AS (to_tsvector('simple', content)) STORED);
    CREATE TABLE target (LIKE source INCLUDING ALL);
    INSERT INTO source (id, content) VALUES (1, 'Opening hours on Sunday'), (2, 'Parking behind the clinic');`);
});
afterAll(() => pglite?.close());

async function isGenerated(column: string): Promise<boolean> {
  const { rows } = await pglite.query<{ generated: string }>(
    `SELECT is_generated AS generated FROM information_schema.columns WHERE table_name = 'target' AND column_name = $1`,
    [column],
  );
  return rows[0]?.generated === "ALWAYS";
}

describe("withGeneratedColumnsWritable", () => {
  it("loads a generated column's values by binary COPY, then computes the column again", async () => {
    const { blob } = await pglite.query(`COPY (SELECT id, content, fts FROM source) TO '/dev/blob' (FORMAT binary)`);
    const generated = await withGeneratedColumnsWritable(pglite, "target", async (columns) => {
      await pglite.query(`COPY target (id, content, fts) FROM '/dev/blob' (FORMAT binary)`, [], { blob: blob! });
      return columns;
    });
    expect(generated).toEqual(["fts"]);
    expect(await isGenerated("fts")).toBe(true);
    const copied = await pglite.query<{ fts: string }>(`SELECT fts::text FROM target ORDER BY id`);
    expect(copied.rows.map((row) => row.fts)).toEqual(["'hours':2 'on':3 'opening':1 'sunday':4", "'behind':2 'clinic':4 'parking':1 'the':3"]);
    await pglite.exec(`INSERT INTO target (id, content) VALUES (3, 'Walk in visits')`);
    const inserted = await pglite.query<{ fts: string }>(`SELECT fts::text FROM target WHERE id = 3`);
    expect(inserted.rows[0]?.fts).toBe("'in':2 'visits':3 'walk':1");
    await expect(pglite.exec(`INSERT INTO target (id, content, fts) VALUES (4, 'x', 'y')`)).rejects.toThrow(/non-DEFAULT value into column "fts"/);
    await expect(checkGeneratedColumns(pglite, "target", 100)).resolves.toBeUndefined();
  });

  it("makes the column generated again when the load fails, and the check finds values its expression does not give", async () => {
    await expect(
      withGeneratedColumnsWritable(pglite, "target", async () => {
        await pglite.exec(`INSERT INTO target (id, content, fts) VALUES (5, 'Late fees', 'unrelated')`);
        throw new Error("load failed");
      }),
    ).rejects.toThrow("load failed");
    expect(await isGenerated("fts")).toBe(true);
    await expect(checkGeneratedColumns(pglite, "target", 100)).rejects.toThrow(/target\.fts: 1 of 4 copied values differ/);
  });
});
