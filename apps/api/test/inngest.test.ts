import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "./support/test-api";

describe("/api/inngest", () => {
  describe("in-process mode", () => {
    let t: Awaited<ReturnType<typeof createTestApi>>;
    beforeAll(async () => {
      t = await createTestApi();
    });
    afterAll(() => t?.close());

    it("explains that jobs run in-process", async () => {
      const response = await t.app.request("/api/inngest", { method: "PUT" });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { title: string }).title).toMatch(/in-process.*INNGEST_BASE_URL/);
    });
  });

  describe("Inngest mode", () => {
    let t: Awaited<ReturnType<typeof createTestApi>>;
    beforeAll(async () => {
      t = await createTestApi({ env: { INNGEST_BASE_URL: "http://127.0.0.1:1", INNGEST_DEV: "1" } });
    });
    afterAll(() => t?.close());

    it("serves the worker's functions for introspection", async () => {
      expect(t.deps.events.mode).toBe("inngest");
      const response = await t.app.request("/api/inngest");
      expect(response.status).toBe(200);
      const body = (await response.json()) as { function_count: number; mode: string };
      // Inngest also counts generated functions (e.g. onFailure handlers), so at least ours.
      expect(body.function_count).toBeGreaterThanOrEqual(t.deps.functions.length);
      expect(t.deps.functions.length).toBeGreaterThan(0);
    });

    it("answers a body that is not JSON with a 400 problem, not Inngest's 500", async () => {
      const response = await t.app.request("/api/inngest?fnId=x&stepId=step", { method: "POST", body: "\u0000{", headers: { "content-type": "application/json" } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { title: string }).title).toBe("Malformed JSON in request body");
    });
  });
});
