import { defineConfig } from "vitest/config";
import LongestFirstSequencer from "./vitest.sequencer.ts";

// One suite for the whole repo. Integration tests use PGlite unless TEST_DATABASE_URL / DATABASE_URL points
// at PostgreSQL (see packages/db/src/testing.ts).
export default defineConfig({
  test: {
    include: ["{apps,packages,bench,scripts}/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "**/.next/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default: too short for a browser answer on a loaded 2-core CI machine.
    expect: { poll: { timeout: 15_000 } },
    pool: "forks",
    maxWorkers: 2,
    // Longest files first, so the run does not end with one worker busy on a slow file and the other idle.
    sequence: { sequencer: LongestFirstSequencer },
  },
});
