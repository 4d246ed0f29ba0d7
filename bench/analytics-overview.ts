// tsx bench/analytics-overview.ts <database url> [--messages 1000000] [--runs 20]
import { parseArgs } from "node:util";
import { analyticsOverview, type ServiceContext } from "@frontdesk/core";
import { createDatabase } from "@frontdesk/db";
import { summarizeLatencies } from "./latency-summary";

/**
 * GET /analytics/overview's service on a seeded history: one organization with two bots, `messages` messages in
 * conversations of 10 over the last 90 days (half of them bot answers, 1 in 8 declined, some rated), leads, calls
 * and tool calls. Migrates the database, seeds it in SQL, runs ANALYZE, then times sequential overviews of the
 * last 30 days (all bots, then one bot).
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { messages: { type: "string", default: "1000000" }, runs: { type: "string", default: "20" } } });
const url = positionals[0];
if (!url) throw new Error("usage: tsx bench/analytics-overview.ts <database url> [--messages 1000000] [--runs 20]");
const messages = Number(values.messages);
const conversations = Math.ceil(messages / 10);
const db = await createDatabase({ databaseUrl: url, env: {} });
const p = db.prisma;
const org = `bench-org-${Date.now()}`;
const seedStarted = performance.now();
await p.$executeRawUnsafe(`INSERT INTO organization (id, name, slug) VALUES ('${org}', 'Bench', '${org}')`);
for (const bot of ["a", "b"]) {
  await p.$executeRawUnsafe(`INSERT INTO bot (id, "organizationId", name, "publicKey", "updatedAt") VALUES ('${org}-${bot}', '${org}', 'Bot ${bot}', 'pk_${org}_${bot}', now())`);
}
await p.$executeRawUnsafe(`
  INSERT INTO conversation (id, "organizationId", "botId", channel, "createdAt", "updatedAt", "lastMessageAt", "handoffRequestedAt")
  SELECT '${org}-c' || i, '${org}', '${org}-' || (CASE WHEN i % 4 = 0 THEN 'b' ELSE 'a' END),
         (ARRAY['web','sms','whatsapp','voice','api'])[1 + i % 5]::"Channel",
         now() - (i % 90) * interval '1 day' - (i % 1440) * interval '1 minute', now(), now(),
         CASE WHEN i % 20 = 0 THEN now() - (i % 90) * interval '1 day' END
    FROM generate_series(1, ${conversations}) AS i`);
await p.$executeRawUnsafe(`
  INSERT INTO message (id, "organizationId", "conversationId", role, content, metadata, "createdAt")
  SELECT '${org}-m' || i, '${org}', '${org}-c' || (1 + (i - 1) / 10),
         (CASE WHEN i % 2 = 0 THEN 'assistant' ELSE 'user' END)::"MessageRole", 'text',
         CASE WHEN i % 2 = 1 THEN '{}'::jsonb
              WHEN i % 16 = 0 THEN '{"outcome":"declined"}'::jsonb
              WHEN i % 50 = 0 THEN '{"outcome":"answered","rating":"up"}'::jsonb
              WHEN i % 98 = 0 THEN '{"outcome":"answered","rating":"down"}'::jsonb
              ELSE '{"outcome":"answered"}'::jsonb END,
         now() - (((1 + (i - 1) / 10)) % 90) * interval '1 day' - (((1 + (i - 1) / 10)) % 1440) * interval '1 minute' + (i % 10) * interval '1 second'
    FROM generate_series(1, ${messages}) AS i`);
await p.$executeRawUnsafe(`
  INSERT INTO lead (id, "organizationId", "botId", tier, "createdAt", "updatedAt")
  SELECT '${org}-l' || i, '${org}', '${org}-a', (ARRAY['hot','warm','cold'])[1 + i % 3]::"LeadTier", now() - (i % 90) * interval '1 day', now()
    FROM generate_series(1, ${Math.ceil(conversations / 5)}) AS i`);
await p.$executeRawUnsafe(`
  INSERT INTO tool_call (id, "organizationId", "botId", "toolName", ok, "durationMs", "createdAt")
  SELECT '${org}-t' || i, '${org}', '${org}-a', (ARRAY['lookup_order','book_slot','send_sms'])[1 + i % 3], i % 9 <> 0, 50 + i % 400, now() - (i % 90) * interval '1 day'
    FROM generate_series(1, ${Math.ceil(conversations / 4)}) AS i`);
await p.$executeRawUnsafe("ANALYZE");
const seedSeconds = (performance.now() - seedStarted) / 1000;
const ctx = { prisma: p, organizationId: org, actor: { type: "system" } } as unknown as ServiceContext;
const runs = Number(values.runs);
for (const botId of [undefined, `${org}-b`]) {
  await analyticsOverview(ctx, { ...(botId ? { botId } : {}) });
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await analyticsOverview(ctx, { ...(botId ? { botId } : {}) });
    samples.push(performance.now() - started);
  }
  const s = summarizeLatencies(samples);
  console.log(`${db.kind} ${messages.toLocaleString("en")} messages, ${conversations.toLocaleString("en")} conversations (seeded in ${seedSeconds.toFixed(0)} s): overview of 30 days${botId ? ", one bot" : ""}: ms n ${s.count} p50 ${s.p50} p95 ${s.p95} max ${s.max}`);
}
await p.$executeRawUnsafe(`DELETE FROM organization WHERE id = '${org}'`);
await db.close();
process.exit(0);
