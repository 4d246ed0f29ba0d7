import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// A CSV file's rows are chunks of their own, and search returns the bot's topK (8) passages: "which towns do you
// cover" over 14 towns named the 8 found. A question over a whole table (a list, a comparison, a bound) reads the
// rest of the table's rows from its document (packages/rag whole-tables.ts, core chat/whole-table-sources.ts).

const embeddings = new SyntheticEmbeddings({ vectorSize: 384 });
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;

const towns = ["Columbus", "Hilliard", "Dublin", "Worthington", "Westerville", "Grove City", "Gahanna", "Bexley", "Powell", "Delaware", "Reynoldsburg", "Pickerington", "Canal Winchester", "Lewis Center"];

beforeAll(async () => {
  t = await createTestApi({ rag: { embeddings: { embeddings, model: "test/synthetic-384", dimensions: 384 }, chatModel: null } });
  a = await createTenant(t.deps, "Whole tables");
  const call = client(t.app, a.apiKey);
  const csv = ["Town,County,Trip charge", ...towns.map((town, index) => `${town},${index % 2 === 0 ? "Franklin" : "Delaware"},$${15 + index * 5}`)].join("\n");
  const form = new FormData();
  form.append("file", new File([csv], "service-area.csv", { type: "text/csv" }));
  const uploaded = await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, form);
  expect(uploaded.status, await uploaded.clone().text()).toBeLessThan(300);
  await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, {
    title: "About us",
    text: "Buckeye Plumbing is a family firm based in Columbus. Our towns and trip charges are listed in the service area table.",
  });
  await t.deps.events.drain();
}, 120_000);
afterAll(() => t?.close());

async function ask(question: string): Promise<string> {
  const response = await client(t.app, a.apiKey)("POST", "/api/v1/chat", { botId: a.botId, message: question });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { message: string }).message;
}

describe("a question over a whole CSV table", () => {
  it("names every town of the table, past the topK passages search returns", async () => {
    const answer = await ask("Which towns do you cover?");
    for (const town of towns) expect(answer).toContain(town);
  });

  it("names only the towns whose trip charge is under the bound", async () => {
    const answer = await ask("which towns have a trip charge under $40?");
    for (const town of towns.slice(0, 5)) expect(answer).toContain(town);
    for (const town of towns.slice(5)) expect(answer).not.toContain(town);
  });
});

describe("a question for one cell of a CSV table", () => {
  it("quotes the row by its name with the asked column's cell first", async () => {
    const answer = await ask("what is the trip charge for dublin");
    expect(answer).toContain("Dublin — Trip charge: $25; County: Franklin");
  });
});
