import { NOT_FOUND_REPLIES } from "@frontdesk/rag";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "@frontdesk/rag/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// With a language model: a question nothing in the knowledge answers gets the bot owner's not-found reply (or the
// visitor's language's) without a model call and without citations; a question the knowledge answers goes to the
// model, whose system prompt carries that reply's wording for when the sources fall short. The model is a real
// OpenAI-compatible server on loopback, driven by the real LangChain client.

const ORG_KEY = "sk-not-found-0123456789";
let t: Awaited<ReturnType<typeof createTestApi>>;
let llm: FakeOpenAIServer;
let a: Tenant;
let call: ReturnType<typeof client>;

async function ask(message: string) {
  const response = await call("POST", "/api/v1/chat", { botId: a.botId, message });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { message: string; answerMode: string; citations: Array<{ title: string }> };
}

beforeAll(async () => {
  llm = await startFakeOpenAIServer({ reply: "On Saturdays we open from 9am to noon [1].", apiKey: ORG_KEY });
  // The fake model runs on 127.0.0.1, which the SSRF guard refuses unless the deployment allows private networks.
  t = await createTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  a = await createTenant(t.deps, "Clinic");
  call = client(t.app, a.apiKey);
  await call("POST", `/api/v1/knowledge/bases/${a.knowledgeBaseId}/documents`, {
    title: "Opening hours",
    text: "The clinic is open Monday to Friday from 8am to 6pm. On Saturdays we open from 9am to noon.",
  });
  await t.deps.events.drain();
  const model = await call("PUT", "/api/v1/organization/model", { provider: "openai", model: "gpt-desk", apiKey: ORG_KEY, baseUrl: llm.baseUrl });
  expect(model.status, await model.clone().text()).toBe(200);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await llm?.close();
});

/** Requests that asked the model to answer `question`; background work after a turn (sentiment) may use it too. */
const requestsAnswering = (question: string) =>
  llm.requests.filter((request) => request.messages.some((message) => typeof message.content === "string" && message.content.includes(`<question>\n${question}`)));
const answeringRequests = (question: string) => requestsAnswering(question).length;

describe("the not-found reply with a language model", () => {
  const own = "That is not in our notes. Please call the clinic on 0761 555 0101.";

  it("says the owner's reply, without calling the model or citing, when nothing in the knowledge answers", async () => {
    const patched = await call("PATCH", `/api/v1/bots/${a.botId}`, { answerSettings: { notFoundReply: own } });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect(await ask("Do you have a sauna in the basement?")).toMatchObject({ message: own, answerMode: "model", citations: [] });
    expect(answeringRequests("Do you have a sauna in the basement?")).toBe(0);
  });

  it("lets the model answer from the knowledge, telling it the owner's wording for what the sources do not say", async () => {
    const answer = await ask("Are you open on Saturdays?");
    expect(answer).toMatchObject({ message: "On Saturdays we open from 9am to noon [1].", answerMode: "model", citations: [{ title: "Opening hours" }] });
    expect(answeringRequests("Are you open on Saturdays?")).toBe(1);
    const system = requestsAnswering("Are you open on Saturdays?")[0]!.messages[0]!.content as string;
    expect(system).toContain(`Not-found reply: "${own}"`);
  });

  it("says the visitor's language's default once the owner's reply is emptied", async () => {
    const patched = await call("PATCH", `/api/v1/bots/${a.botId}`, { answerSettings: { notFoundReply: "" } });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect(await ask("Haben Sie eine Sauna im Keller?")).toMatchObject({ message: NOT_FOUND_REPLIES.de, citations: [] });
    expect(answeringRequests("Haben Sie eine Sauna im Keller?")).toBe(0);
  });
});
