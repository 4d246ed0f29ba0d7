import { describe, expect, it } from "vitest";
import { listIntegrationIds, listIntegrationTypes, loadIntegration, runAction, UnknownIntegrationError } from "../src";

describe("integration registry", () => {
  it("lists every provider with config and action JSON schemas", async () => {
    const types = await listIntegrationTypes();
    expect(types.map((t) => t.id)).toEqual(listIntegrationIds());
    for (const type of types) {
      expect(type.configJsonSchema).toMatchObject({ type: "object" });
      // Vapi is an account to link bots to (phone calls), not a source of tools.
      // Salesforce is written by the lead engine only (hot-lead sync), never by the model.
      if (type.id !== "vapi" && type.id !== "salesforce") expect(type.actions.length).toBeGreaterThan(0);
      for (const action of type.actions) {
        expect(action.name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(action.inputJsonSchema).toMatchObject({ type: "object" });
      }
    }
  });

  it("marks secrets writeOnly so the admin renders password fields and never echoes them", async () => {
    const webhook = (await listIntegrationTypes()).find((t) => t.id === "webhook");
    expect(webhook?.configJsonSchema).toMatchObject({
      required: ["url", "secret"],
      properties: { secret: { type: "string", writeOnly: true, minLength: 16 } },
    });
  });

  it("rejects unknown ids and actions (including prototype keys)", async () => {
    expect(await loadIntegration("nope")).toBeUndefined();
    expect(await loadIntegration("constructor")).toBeUndefined();
    await expect(runAction({ integrationId: "webhook", action: "nope", config: {}, input: {} })).rejects.toBeInstanceOf(
      UnknownIntegrationError,
    );
  });
});
