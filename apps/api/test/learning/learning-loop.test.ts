import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "../support/test-api";

// The learning loop end to end through the REST API: a failed question and a successful rephrase in one
// conversation → a pending learned mapping that search ignores until it is approved, then uses.

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let b: Tenant;
let call: ReturnType<typeof client>;
let callB: ReturnType<typeof client>;

interface Expansion {
  id: string;
  term: string;
  expansions: string[];
  source: string;
  status: string;
  confidence: number | null;
  provenance: { examples: Array<Record<string, unknown>> };
  timesUsed: number;
  timesSuccessful: number;
  flagged: boolean;
}
interface ChatReply {
  conversationId: string;
  messageId: string;
  message: string;
  citations: Array<{ title: string }>;
}

async function json<T>(response: Response, status = 200): Promise<T> {
  const body = (await response.json()) as T;
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

// The learning loop records a turn in the background (learning/turn.answered): wait for it before looking.
const ask = async (message: string, conversationId?: string) => {
  const reply = await json<ChatReply>(await call("POST", "/api/v1/chat", { botId: a.botId, message, ...(conversationId ? { conversationId } : {}) }));
  await t.deps.events.drain();
  return reply;
};
const expansions = async (status?: string) =>
  (await json<{ data: Expansion[] }>(await call("GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/expansions${status ? `?status=${status}` : ""}`))).data;
const failures = (conversationId: string) =>
  t.deps.prisma.failedRetrieval.findMany({ where: { organizationId: a.organizationId, conversationId }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  t = await createTestApi();
  a = await createTenant(t.deps, "Garage");
  b = await createTenant(t.deps, "Other");
  call = client(t.app, a.apiKey);
  callB = client(t.app, b.apiKey);
  const documents = [
    { title: "Parking", text: "Customers can park the car in our free car park behind the workshop. Parking is free for two hours." },
    { title: "Opening hours", text: "The workshop is open Monday to Friday from 8am to 6pm and on Saturday from 9am to noon." },
    { title: "Servicing", text: "A full car service includes an oil change, new filters and a safety check of brakes and tyres." },
  ];
  for (const document of documents) await json(await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, document), 201);
  // Synthetic embeddings carry no meaning: only strong full-text matches count as relevant sources here.
  await json(await call("PATCH", `/api/v1/bots/${a.botId}`, { answerSettings: { minScore: 0.99 } }));
  await t.deps.events.drain();
}, 120_000);
afterAll(() => t?.close());

describe("learning loop", () => {
  it("records a failed question, learns from the rephrase, and uses the mapping only once approved", async () => {
    const failed = await ask("Where can I park my zafira?");
    expect(failed.citations).toEqual([]);
    const [failure] = await failures(failed.conversationId);
    expect(failure).toMatchObject({ botId: a.botId, query: "Where can I park my zafira?", resolvedAt: null });
    expect(["declined", "no_results"]).toContain(failure!.reason);

    const rephrased = await ask("Where can I park my car?", failed.conversationId);
    expect(rephrased.citations.map((citation) => citation.title)).toContain("Parking");
    expect((await failures(failed.conversationId))[0]).toMatchObject({ resolvedByMessageId: rephrased.messageId });
    // Answered by a rephrase: a wording problem, not a knowledge gap.
    const openGaps = (await json<{ data: Array<{ question: string }> }>(await call("GET", "/api/v1/knowledge-gaps"))).data;
    expect(openGaps.map((gap) => gap.question)).not.toContain("Where can I park my zafira?");

    const pending = await expansions("pending");
    const zafira = pending.find((expansion) => expansion.term === "zafira");
    expect(zafira).toMatchObject({ source: "learned", status: "pending", timesUsed: 0, flagged: false });
    expect(zafira!.expansions).toEqual(["car"]);
    expect(zafira!.confidence).toBeGreaterThan(0);
    expect(zafira!.confidence).toBeLessThan(1);
    expect(zafira!.provenance.examples[0]).toMatchObject({ conversationId: failed.conversationId, failedQuery: "Where can I park my zafira?", answer: "Where can I park my car?" });
    expect(await expansions("approved")).toEqual([]);

    // Pending: search does not use it, so the same question still fails.
    const stillFailing = await ask("Where can I park my zafira?");
    expect(stillFailing.citations).toEqual([]);
    expect((await expansions("pending")).find((expansion) => expansion.term === "zafira")!.timesUsed).toBe(0);

    const reviewed = await json<Expansion>(
      await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/expansions/${zafira!.id}/review`, { approved: true }),
    );
    expect(reviewed).toMatchObject({ id: zafira!.id, status: "approved" });

    const answered = await ask("Where can I park my zafira?");
    expect(answered.citations.map((citation) => citation.title)).toContain("Parking");
    const used = (await expansions("approved")).find((expansion) => expansion.term === "zafira")!;
    expect(used).toMatchObject({ timesUsed: 1, timesSuccessful: 1, flagged: false });
  });

  it("a second sighting of the same pair raises its confidence; an accepted answer raises it too", async () => {
    const first = await ask("Where can I park my corsa?");
    expect(first.citations).toEqual([]);
    await ask("Where can I park my car?", first.conversationId);
    const once = (await expansions("pending")).find((expansion) => expansion.term === "corsa")!;
    expect(once.confidence).toBeGreaterThan(0);

    const second = await ask("Where do I park a corsa?");
    await ask("Where can I park my car?", second.conversationId);
    const twice = (await expansions("pending")).find((expansion) => expansion.term === "corsa")!;
    expect(twice.confidence!).toBeGreaterThan(once.confidence!);
    expect(twice.provenance.examples).toHaveLength(2);

    // The visitor carries on (no "that's not what I asked"): the answer that taught it was accepted.
    await ask("Thanks, and when are you open?", second.conversationId);
    const accepted = (await expansions("pending")).find((expansion) => expansion.term === "corsa")!;
    expect(accepted.confidence!).toBeGreaterThan(twice.confidence!);
  });

  it("a rejected mapping is never proposed again for that pair", async () => {
    const first = await ask("Do you valet a transit?");
    expect(first.citations).toEqual([]);
    await ask("Do you change the oil and filters?", first.conversationId);
    const transit = (await expansions("pending")).find((expansion) => expansion.term === "transit")!;
    expect(transit).toBeDefined();
    const rejected = await json<Expansion>(
      await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/expansions/${transit.id}/review`, { approved: false }),
    );
    expect(rejected.status).toBe("rejected");

    const again = await ask("Do you valet a transit?");
    await ask("Do you change the oil and filters?", again.conversationId);
    expect((await expansions("pending")).find((expansion) => expansion.term === "transit")).toBeUndefined();
    expect((await expansions("rejected")).map((expansion) => expansion.term)).toContain("transit");
    // Rejected: search never uses it.
    const unused = await ask("Do you valet a transit?");
    expect((await expansions("rejected")).find((expansion) => expansion.term === "transit")!.timesUsed).toBe(0);
    expect(unused.conversationId).toBeTruthy();
  });

  it("records a visitor's \"that's not what I asked\" against the previous question, in English and Spanish", async () => {
    const first = await ask("When is the workshop open?");
    expect(first.citations.length).toBeGreaterThan(0);
    await ask("That's not what I asked", first.conversationId);
    expect((await failures(first.conversationId)).map(({ reason, query }) => ({ reason, query }))).toEqual([
      { reason: "visitor_rejected", query: "When is the workshop open?" },
    ]);

    const spanish = await ask("When is the workshop open on Saturday?");
    await ask("Eso no es lo que pregunté", spanish.conversationId);
    expect((await failures(spanish.conversationId)).map((failure) => failure.reason)).toEqual(["visitor_rejected"]);
  });

  it("flags an approved mapping whose use keeps failing", async () => {
    await json(await call("PUT", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/expansions`, { term: "mot", expansions: ["safety check"] }));
    for (let i = 0; i < 3; i++) {
      const answer = await ask("Is an MOT the same as a safety check?");
      await ask("That's not what I asked", answer.conversationId);
    }
    const mot = (await expansions("approved")).find((expansion) => expansion.term === "mot")!;
    expect(mot.timesUsed).toBeGreaterThanOrEqual(3);
    expect(mot.flagged).toBe(true);
  });

  it("learns from an operator's reply to a failed question, keeping it a knowledge gap", async () => {
    const failed = await ask("Can I leave my astra overnight?");
    expect(failed.citations).toEqual([]);
    await json(await call("POST", `/api/v1/conversations/${failed.conversationId}/replies`, { text: "Yes, you can park the car in our car park overnight." }), 201);
    const astra = (await expansions("pending")).find((expansion) => expansion.term === "astra")!;
    expect(astra.expansions).toEqual(["park", "car"]);
    expect(astra.provenance.examples[0]).toMatchObject({ answeredBy: "operator", failedQuery: "Can I leave my astra overnight?" });
    expect((await failures(failed.conversationId))[0]!.resolvedAt).not.toBeNull();
    const openGaps = (await json<{ data: Array<{ question: string }> }>(await call("GET", "/api/v1/knowledge-gaps"))).data;
    expect(openGaps.map((gap) => gap.question)).toContain("Can I leave my astra overnight?");
  });

  it("validates the review body and keeps other organizations out", async () => {
    const [any] = await expansions();
    const invalid = await json<{ errors: Array<{ field: string }> }>(
      await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/expansions/${any!.id}/review`, { approved: "yes" }),
      422,
    );
    expect(invalid.errors.map((error) => error.field)).toContain("approved");
    await json(await call("GET", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/expansions?status=maybe`), 422);
    await json(await callB("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/expansions/${any!.id}/review`, { approved: true }), 404);
    await json(await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/expansions/nope/review`, { approved: true }), 404);
  });
});
