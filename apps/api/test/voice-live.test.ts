import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "./integrations/receiver";
import { openEventStream } from "./support/event-stream";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";
import { vapiCall } from "./support/vapi-call";

// The admin's live call view over the API: what Vapi posts to the server URL reaches a held event stream (status,
// transcript lines with speaker, sentiment and suggestions), and an injected suggestion reaches the control URL.

const SECRET = "vapi-live-secret-0123456789";
let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let call: ReturnType<typeof client>;
let control: Receiver;

beforeAll(async () => {
  control = await startReceiver(() => ({ status: 200, body: {} }));
  // The fake control server is on loopback, which the control-URL SSRF guard refuses otherwise.
  t = await createTestApi({ env: { ALLOW_PRIVATE_NETWORK_FETCH: "true" } });
  a = await createTenant(t.deps, "Live calls");
  call = client(t.app, a.apiKey);
  expect((await call("PATCH", `/api/v1/bots/${a.botId}`, { voice: { serverSecret: SECRET } })).status).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await control?.close();
});

const vapi = (body: unknown) => client(t.app)("POST", `/api/webhooks/vapi/${a.botPublicKey}`, body, { authorization: `Bearer ${SECRET}` });
const message = (type: string, seconds: number, fields: Record<string, unknown>, script: ReturnType<typeof vapiCall>) => {
  const template = script.messages[1]!.message;
  return { message: { ...template, type, timestamp: Number(template.timestamp) + seconds * 1000, ...fields } };
};

describe("live call stream", () => {
  it("pushes status, transcript lines, sentiment and suggestions as Vapi sends them; an injected suggestion reaches the control URL", async () => {
    const script = vapiCall({ callId: "vapi-live-1", controlUrl: `${control.url}/control/live-1` });
    expect((await vapi(script.messages[1])).status).toBe(200);
    const stored = await t.deps.prisma.call.findFirstOrThrow({ where: { vapiCallId: "vapi-live-1" } });

    const response = await call("GET", `/api/v1/calls/${stored.id}/live`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const stream = openEventStream(response);
    try {
      const first = await stream.next();
      expect(first.event).toBe("call");
      expect(JSON.parse(first.data)).toMatchObject({ id: stored.id, status: "in-progress", suggestions: [] });
      expect(JSON.parse((await stream.next()).data)).toMatchObject({ type: "status-update" });

      expect((await vapi(message("transcript", 3, { role: "user", transcriptType: "partial", transcript: "I want to" }, script))).status).toBe(200);
      const partial = await stream.next((m) => m.event === "event");
      expect(JSON.parse(partial.data)).toMatchObject({ type: "transcript", speaker: "caller", text: "I want to", isFinal: false });

      expect((await vapi(message("transcript", 4, { role: "assistant", transcriptType: "final", transcript: "Sure, what would you like?" }, script))).status).toBe(200);
      expect(JSON.parse((await stream.next((m) => m.event === "event")).data)).toMatchObject({ speaker: "assistant", text: "Sure, what would you like?", isFinal: true });

      // The caller loses patience: the call is flagged and the owner is offered a callback or a transfer.
      const angry = "This is ridiculous, I have asked three times. Let me speak to a real person!";
      expect((await vapi(message("transcript", 6, { role: "user", transcriptType: "final", transcript: angry }, script))).status).toBe(200);
      const flagged = JSON.parse((await stream.next((m) => m.event === "call")).data) as { userSentiment: string; suggestions: { id: string; message: string }[] };
      expect(flagged.userSentiment).toBe("frustrated");
      expect(flagged.suggestions.map((suggestion) => suggestion.id)).toEqual(["callback", "transfer"]);

      const inject = await call("POST", `/api/v1/calls/${stored.id}/control`, { action: "add-message", message: flagged.suggestions[0]!.message });
      expect(inject.status).toBe(200);
      expect(JSON.parse(control.requests.at(-1)!.body)).toEqual({ type: "add-message", message: { role: "system", content: flagged.suggestions[0]!.message }, triggerResponseEnabled: true });
      // On each change the call comes first, then the events after it.
      expect(JSON.parse((await stream.next((m) => m.event === "call")).data)).toMatchObject({ interventionCount: 1 });
      const logged = await stream.next((m) => m.event === "event");
      expect(JSON.parse(logged.data)).toMatchObject({ type: "control", text: flagged.suggestions[0]!.message, data: { action: "add-message" } });

      // A second viewer resuming after the partial line gets only what came later.
      const resumed = openEventStream(await call("GET", `/api/v1/calls/${stored.id}/live`, undefined, { "last-event-id": JSON.parse(partial.data).id }));
      try {
        expect((await resumed.next()).event).toBe("call");
        expect(JSON.parse((await resumed.next()).data)).toMatchObject({ text: "Sure, what would you like?" });
      } finally {
        await resumed.close();
      }
    } finally {
      await stream.close();
    }
  });

  it("is not found for another organization's call, before any stream starts", async () => {
    const other = await createTenant(t.deps, "Other");
    const stored = await t.deps.prisma.call.findFirstOrThrow({ where: { vapiCallId: "vapi-live-1" } });
    const response = await client(t.app, other.apiKey)("GET", `/api/v1/calls/${stored.id}/live`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});
