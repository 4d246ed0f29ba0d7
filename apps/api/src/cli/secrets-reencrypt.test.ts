import { randomBytes } from "node:crypto";
import { createBot, createIntegration, loadIntegrationConfig, setAnswerModel, unseal, updateBot } from "@frontdesk/core";
import { createTestDeps } from "@frontdesk/core/testing";
import { parseKeyring } from "@frontdesk/integrations";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CliIo } from "./cli-io";
import { runCli } from "./run-cli";

let t: Awaited<ReturnType<typeof createTestDeps>>;
beforeAll(async () => {
  t = await createTestDeps();
});
afterAll(() => t.close());

it("secrets reencrypt moves stored secrets to the first key", async () => {
  const organization = await t.deps.prisma.organization.create({ data: { id: `org-rotate-${Date.now()}`, name: "Rotate", slug: `rotate-${Date.now()}` } });
  const ctx = { ...t.deps, organizationId: organization.id, actor: { type: "system" as const } };
  const integration = await createIntegration(ctx, { type: "webhook", config: { url: "https://hooks.example.com/in", secret: "s".repeat(24) }, skipTest: true });
  await setAnswerModel(ctx, { provider: "anthropic", apiKey: "sk-ant-rotate-me-0123456789" });
  const bot = await createBot(ctx, { name: "Phone" });
  await updateBot(ctx, bot.id, { voice: { serverSecret: "vapi-secret-rotate-0123" } });

  const oldId = t.deps.keyring.currentKeyId;
  const rotated = { ...t.deps, keyring: parseKeyring(`k9:${randomBytes(32).toString("base64")},${oldId}:${t.deps.keyring.keys.get(oldId)!.toString("base64")}`) };
  const out: string[] = [];
  const io: CliIo = { out: (text) => void out.push(text), err: () => undefined, env: {} };
  const code = await runCli(["secrets", "reencrypt", "--json"], io, async () => ({ deps: rotated, close: async () => {} }));
  expect(code).toBe(0);
  expect(JSON.parse(out.join(""))).toMatchObject({ keyId: "k9", integrations: 1, modelSettings: 1, voiceSecrets: 1 });
  expect((await t.deps.prisma.integration.findUniqueOrThrow({ where: { id: integration.id } })).keyId).toBe("k9");
  expect((await loadIntegrationConfig({ ...ctx, keyring: rotated.keyring }, integration.id)).config.secret).toBe("s".repeat(24));
  const setting = await t.deps.prisma.organizationModelSetting.findUniqueOrThrow({ where: { organizationId: organization.id } });
  expect(setting.keyId).toBe("k9");
  expect(unseal(rotated.keyring, setting.encryptedKey, organization.id)).toBe("sk-ant-rotate-me-0123456789");
  const row = await t.deps.prisma.bot.findUniqueOrThrow({ where: { id: bot.id } });
  expect(row.voiceSecretKeyId).toBe("k9");
  expect(unseal(rotated.keyring, row.voiceSecret, bot.id)).toBe("vapi-secret-rotate-0123");
});
