import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../bots/create-bot";
import type { ServiceContext } from "../context";
import { setupOwner } from "../organizations";
import { createTestDeps } from "../testing";
import { getWidgetConfig } from "./get-widget-config";
import { resolveWidgetContext } from "./resolve-widget-context";

let t: Awaited<ReturnType<typeof createTestDeps>>;
let ctx: ServiceContext;

beforeAll(async () => {
  t = await createTestDeps({ PUBLIC_URL: "https://api.example.com" });
  const a = await setupOwner(t.deps, { email: "w@example.com", password: "password-w", organizationName: "W" });
  ctx = { ...t.deps, organizationId: a.organizationId, actor: { type: "system" } };
});
afterAll(() => t?.close());

describe("resolveWidgetContext", () => {
  it("scopes to the bot's organization, honouring allowedOrigins", async () => {
    const bot = await createBot(ctx, { name: "Shop", allowedOrigins: ["https://shop.example.com"] });
    const resolved = await resolveWidgetContext(t.deps, { publicKey: bot.publicKey, origin: "https://shop.example.com" });
    expect(resolved.organizationId).toBe(ctx.organizationId);
    expect(resolved.actor).toEqual({ type: "widget", botId: bot.id });
    expect(await getWidgetConfig(resolved)).toEqual({
      botName: "Shop",
      greeting: "Hi! How can I help you today?",
      appearance: {},
      strings: expect.objectContaining({ openChat: "Open chat", rateLimited: "Too many messages. Try again in {s} s." }),
    });
    expect((await getWidgetConfig(resolved, { locale: "fr-CA" })).strings.openChat).toBe("Ouvrir le chat");

    await expect(resolveWidgetContext(t.deps, { publicKey: bot.publicKey, origin: "https://x.example" })).rejects.toMatchObject({
      status: 403,
      message: "origin https://x.example is not allowed for this bot",
    });
    // The API's own origin (the demo page) and same-origin/non-browser requests (no Origin) are allowed.
    await expect(resolveWidgetContext(t.deps, { publicKey: bot.publicKey, origin: "https://api.example.com" })).resolves.toBeDefined();
    await expect(resolveWidgetContext(t.deps, { publicKey: bot.publicKey, origin: undefined })).resolves.toBeDefined();
  });

  it("allows any origin when the list is empty; unknown keys are 404, missing keys 401", async () => {
    const open = await createBot(ctx, { name: "Open" });
    await expect(resolveWidgetContext(t.deps, { publicKey: open.publicKey, origin: "https://anything.example" })).resolves.toBeDefined();
    await expect(resolveWidgetContext(t.deps, { publicKey: "pk_unknown", origin: null })).rejects.toMatchObject({ status: 404 });
    await expect(resolveWidgetContext(t.deps, { publicKey: " ", origin: null })).rejects.toMatchObject({ status: 401 });
  });
});
