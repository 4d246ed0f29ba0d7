import { resolve } from "node:path";
import { loadConfig } from "@frontdesk/config";
import { createEmbeddingsProvider } from "@frontdesk/rag";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnswerSet } from "./support/answer-set";
import { client, createTenant, createTestApi } from "./support/test-api";

// The answer-quality development set, scored through the product with the embedded default (local embeddings,
// no language model): the same run as `npm run bench:answers -- ../shared/data/answers/harbor-dental`.
const repoRoot = resolve(import.meta.dirname, "../../..");
const devSet = resolve(repoRoot, "../shared/data/answers/harbor-dental");

/** The floors; this build reaches 21 of 23 answerable (0.913) and 3 of 3 declined on the development set. */
const MIN_ACCURACY = 0.9;
const MIN_DECLINE_RATE = 0.8;

let t: Awaited<ReturnType<typeof createTestApi>>;

beforeAll(async () => {
  const embeddings = await createEmbeddingsProvider(loadConfig({}));
  t = await createTestApi({ rag: { embeddings, chatModel: null } });
}, 180_000);
afterAll(() => t?.close());

describe("answer quality on the development set (embedded default)", () => {
  it("answers the answerable questions and declines the others", async () => {
    const tenant = await createTenant(t.deps, "Harbor");
    const { score, answers } = await runAnswerSet({ deps: t.deps, call: client(t.app, tenant.apiKey), tenant, folder: devSet });
    const misses = answers.filter((answer) => !answer.ok).map((answer) => `${answer.q} → ${answer.answer}`);
    expect(score.answerable + score.unanswerable).toBe(answers.length);
    expect(score.accuracy, misses.join("\n")).toBeGreaterThanOrEqual(MIN_ACCURACY);
    expect(score.declineRate, misses.join("\n")).toBeGreaterThanOrEqual(MIN_DECLINE_RATE);
  }, 600_000);
});
