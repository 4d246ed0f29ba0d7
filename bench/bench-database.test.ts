import { describe, expect, it } from "vitest";
import { benchDatabaseLabel } from "./bench-database";

describe("benchDatabaseLabel", () => {
  it("names the kept database, whichever kind, before DATABASE_URL", () => {
    expect(benchDatabaseLabel({ BENCH_KEEP_DATABASE: "postgresql://postgres@127.0.0.1:5432/scale_1m" })).toBe("postgres (kept: scale_1m)");
    expect(
      benchDatabaseLabel({ BENCH_KEEP_DATABASE: "/tmp/scale_pglite_100k", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres" }),
    ).toBe("pglite (kept: /tmp/scale_pglite_100k)");
  });

  it("falls back to DATABASE_URL, then PGlite", () => {
    expect(benchDatabaseLabel({ DATABASE_URL: "postgres://u@h/db", BENCH_KEEP_DATABASE: " " })).toBe("postgres");
    expect(benchDatabaseLabel({})).toBe("pglite");
  });
});
