import { describe, expect, it } from "vitest";
import { loadIntegration, mergeConfigUpdate, redactConfig, secretFields } from "../src";

describe("config secrets for the admin form", async () => {
  const twilio = await loadIntegration("twilio");
  if (!twilio) throw new Error("twilio not registered");
  const stored = { accountSid: `AC${"a".repeat(32)}`, authToken: "t".repeat(32), fromNumber: "+15005550006" };

  it("finds writeOnly fields in every provider", async () => {
    expect(secretFields(twilio)).toEqual(["authToken"]);
    for (const [id, fields] of [["hubspot", ["accessToken"]], ["calcom", ["apiKey"]], ["email", ["password", "sendgridApiKey"]], ["webhook", ["secret"]]] as const) {
      const definition = await loadIntegration(id);
      expect(definition && secretFields(definition)).toEqual(fields);
    }
  });

  it("redacts secrets but reports that they are set", () => {
    expect(redactConfig(twilio, stored)).toEqual({
      config: { accountSid: stored.accountSid, fromNumber: "+15005550006" },
      secretsSet: ["authToken"],
    });
  });

  it("keeps a stored secret when the form leaves it blank, replaces it when given, validates the result", () => {
    expect(mergeConfigUpdate(twilio, stored, { accountSid: stored.accountSid, fromNumber: "+15005550007", authToken: "" })).toMatchObject({
      authToken: stored.authToken,
      fromNumber: "+15005550007",
    });
    expect(mergeConfigUpdate(twilio, stored, { ...stored, authToken: "n".repeat(32) })).toMatchObject({ authToken: "n".repeat(32) });
    expect(() => mergeConfigUpdate(twilio, null, { accountSid: stored.accountSid, fromNumber: "+15005550006" })).toThrow(/authToken/);
  });
});
