// tsx bench/serve-bench-api.ts <kept database url> --chunks <n> [--corpus zipf|sentences]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { keptTenantFile, readKeptTenant } from "./kept-bench-tenant";
import { openBenchApi } from "./open-bench-api";
import { warmTextIndex } from "./searched-database";
import { syntheticCorpusKind } from "./seed-synthetic-chunks";

/**
 * Serves the bench API of this checkout on a database the chat-overhead section kept, for a bench in another
 * process that compares two checkouts request by request (chat-ab.ts). Builds the in-memory full-text index first,
 * then prints one JSON line: the API's URL, the kept tenant, and a control URL whose POST /drain waits for this
 * process's background jobs and GET /cpu gives its CPU time (ms). Runs until stdin closes.
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { chunks: { type: "string" }, corpus: { type: "string" } } });
const url = positionals[0];
if (!url || !values.chunks) throw new Error("usage: tsx bench/serve-bench-api.ts <kept database url> --chunks <n>");
const kept = readKeptTenant(keptTenantFile(url, syntheticCorpusKind(values.corpus), Number(values.chunks)));
if (!kept) throw new Error("no kept tenant recorded for this database: seed it with BENCH_KEEP_DATABASE first");
const api = await openBenchApi({ listen: true, keepDatabaseUrl: url, tenant: kept });
const textIndex = await warmTextIndex(api.deps.prisma, { organizationId: kept.organizationId, knowledgeBaseIds: [kept.knowledgeBaseId] });
const control = createServer((request, response) => {
  const reply = (body: unknown) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  if (request.url === "/drain") void api.deps.events.drain().then(() => reply({ drained: true }));
  else if (request.url === "/cpu") {
    const cpu = process.cpuUsage();
    reply({ ms: (cpu.user + cpu.system) / 1000 });
  } else response.writeHead(404).end();
});
await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
const address = control.address();
const port = typeof address === "object" && address ? address.port : 0;
console.log(JSON.stringify({ url: api.server!.url, controlUrl: `http://127.0.0.1:${port}`, apiKey: kept.apiKey, botId: kept.botId, knowledgeBaseId: kept.knowledgeBaseId, textIndex }));
process.stdin.resume();
process.stdin.on("end", () => {
  control.close();
  void api.close().then(() => process.exit(0));
});
