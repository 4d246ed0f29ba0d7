import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cannedAnswer, startFakeWidgetApi, type FakeWidgetApi } from "./fake-api";

// The fake stands in for the real routes in browser tests, so its contract is pinned here.
let api: FakeWidgetApi;
const headers = { "X-Frontdesk-Bot-Key": "pk_test_fake", "Content-Type": "application/json" };
const allowed = { ...headers, Origin: "https://shop.example" };

beforeAll(async () => {
  api = await startFakeWidgetApi({ allowedOrigins: ["https://shop.example"], tokenDelayMs: 0 });
});
afterAll(() => api.close());

describe("fake widget API", () => {
  it("rejects a wrong bot key, a foreign origin and an invalid body with problem bodies", async () => {
    const noKey = await fetch(`${api.url}/api/widget/v1/config`);
    expect(noKey.status).toBe(401);
    const wrongKey = await fetch(`${api.url}/api/widget/v1/config`, { headers: { "X-Frontdesk-Bot-Key": "pk_nope" } });
    expect(wrongKey.status).toBe(404);
    const foreign = await fetch(`${api.url}/api/widget/v1/config`, { headers: { ...headers, Origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    const noOrigin = await fetch(`${api.url}/api/widget/v1/config`, { headers });
    expect(noOrigin.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ code: "forbidden" });
    const invalid = await fetch(`${api.url}/api/widget/v1/chat`, { method: "POST", headers: allowed, body: "{}" });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).errors.map((e: { field: string }) => e.field)).toEqual(["message", "visitorId"]);
  });

  it("streams meta, tokens and done over SSE, then serves the stored history", async () => {
    const response = await fetch(`${api.url}/api/widget/v1/chat?key=pk_test_fake`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream", Origin: "https://shop.example", "X-Frontdesk-Visitor": "v_1" },
      body: JSON.stringify({ message: "Hours?" }),
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = (await response.text())
      .trim()
      .split("\n\n")
      .map((block) => {
        const [eventLine, dataLine] = block.split("\n");
        return { event: eventLine!.slice("event: ".length), data: JSON.parse(dataLine!.slice("data: ".length)) };
      });
    expect(events[0]!.event).toBe("meta");
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    const tokens = events.filter((e) => e.event === "token").map((e) => e.data.text as string);
    expect(tokens.join("")).toBe(cannedAnswer.text);
    expect(done.data).toMatchObject({ message: cannedAnswer.text, citations: cannedAnswer.citations });

    const conversationId = done.data.conversationId as string;
    const history = await fetch(`${api.url}/api/widget/v1/conversations/${conversationId}`, { headers: { ...allowed, "X-Frontdesk-Visitor": "v_1" } });
    const body = await history.json();
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(["user", "assistant"]);
    const stranger = await fetch(`${api.url}/api/widget/v1/conversations/${conversationId}`, { headers: { ...allowed, "X-Frontdesk-Visitor": "v_2" } });
    expect(stranger.status).toBe(404);
  });

  it("answers with JSON when the client does not ask for a stream", async () => {
    const response = await fetch(`${api.url}/api/widget/v1/chat`, {
      method: "POST",
      headers: { ...allowed, "X-Frontdesk-Visitor": "v_3" },
      body: JSON.stringify({ message: "Hours?" }),
    });
    expect(await response.json()).toMatchObject({ message: cannedAnswer.text, citations: cannedAnswer.citations });
  });
});
