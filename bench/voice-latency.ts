import type { SectionResult } from "./bench-section";
import { formatTable } from "./format-table";
import type { LatencySummary } from "./latency-summary";
import { timeEach } from "./time-each";
import { openBenchApi } from "./open-bench-api";
import { progress } from "./progress";
import { measureLiveTranscriptLatency } from "./live-call-latency";
import { seedSyntheticChunks, syntheticCorpusKind, syntheticQuestions } from "./seed-synthetic-chunks";

const CHUNKS = Number(process.env.BENCH_VOICE_CHUNKS ?? 2_000);
const REQUESTS = Number(process.env.BENCH_VOICE_REQUESTS ?? 100);
const WARMUP = 5;
/** Transcript lines timed from the server URL to the admin's live stream. */
const LIVE_LINES = Number(process.env.BENCH_VOICE_LIVE_LINES ?? 50);
const SECRET = "bench-voice-secret-0123456789";
/** Vapi gives up on an assistant-request after 7.5 s (protocols.md). */
const VAPI_ASSISTANT_REQUEST_LIMIT_MS = 7_500;

/**
 * The Vapi server URL's answering messages over real HTTP on 127.0.0.1, each in a fresh call (so every request
 * creates the call and stores its event, as a call's first message does): assistant-request (Vapi's 7.5 s limit),
 * knowledge-base-request and a tool-calls with search_knowledge over the bot's knowledge. Local embeddings, no LLM.
 */
export async function benchVoiceLatency(): Promise<SectionResult> {
  const api = await openBenchApi({ listen: true });
  try {
    const { tenant } = api;
    const corpus = syntheticCorpusKind();
    const seeded = await seedSyntheticChunks(api.deps.prisma, api.deps.rag.embeddings, { organizationId: tenant.organizationId, knowledgeBaseId: tenant.knowledgeBaseId }, CHUNKS, progress("seeding chunks", CHUNKS), corpus);
    const base = api.server!.url;
    const patched = await fetch(`${base}/api/v1/bots/${tenant.botId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${tenant.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ voice: { serverSecret: SECRET } }),
    });
    if (!patched.ok) throw new Error(`setting the voice secret answered ${patched.status}`);

    let callNumber = 0;
    const post = async (message: Record<string, unknown>, options: { withCall: boolean } = { withCall: true }) => {
      callNumber += 1;
      const call = options.withCall ? { call: { id: `bench-call-${callNumber}`, type: "inboundPhoneCall", status: "in-progress", customer: { number: "+14155550123" } } } : {};
      const response = await fetch(`${base}/api/webhooks/vapi/${tenant.botPublicKey}`, {
        method: "POST",
        headers: { "x-vapi-secret": SECRET, "content-type": "application/json" },
        body: JSON.stringify({ message: { timestamp: Date.now(), ...call, ...message } }),
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${String(message.type)} answered ${response.status}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as Record<string, unknown>;
    };

    const questions = syntheticQuestions(REQUESTS + WARMUP, corpus);
    let documents = 0;
    let found = 0;
    const measured = {
      assistant: await timeEach("assistant-request", questions, () => () => post({ type: "assistant-request" }).then(() => undefined), WARMUP),
      // A web test call sends no call object: answered, nothing stored, so this is building the assistant alone.
      assistantOnly: await timeEach("assistant-request without a call", questions, () => () => post({ type: "assistant-request" }, { withCall: false }).then(() => undefined), WARMUP),
      knowledge: await timeEach("knowledge-base-request", questions, (question) => async () => {
        const answer = (await post({ type: "knowledge-base-request", messages: [{ role: "user", message: question }] })) as { documents: unknown[] };
        documents += answer.documents.length;
      }, WARMUP),
      tool: await timeEach("tool-calls search_knowledge", questions, (question) => async () => {
        const answer = (await post({
          type: "tool-calls",
          toolCallList: [{ id: "tc-1", type: "function", function: { name: "search_knowledge", arguments: JSON.stringify({ query: question }) } }],
        })) as { results: Array<{ result?: string }> };
        if (answer.results[0]?.result) found += 1;
      }, WARMUP),
      live: await measureLiveTranscriptLatency({ base, botId: tenant.botId, botPublicKey: tenant.botPublicKey, apiKey: tenant.apiKey, voiceSecret: SECRET }, LIVE_LINES),
    };
    const row = (name: string, s: LatencySummary) => [name, s.count, s.mean.toFixed(1), s.p50.toFixed(1), s.p95.toFixed(1), s.p99.toFixed(1), s.max.toFixed(1)];
    return {
      lines: [
        `database ${api.databaseLabel}, embeddings ${api.deps.rag.embeddings.model}, ${seeded.chunks} chunks (${corpus} corpus), a new call per request`,
        "",
        formatTable(
          ["Vapi server URL (ms)", "n", "mean", "p50", "p95", "p99", "max"],
          [
            row("assistant-request", measured.assistant),
            row("assistant-request, no call (nothing stored)", measured.assistantOnly),
            row("knowledge-base-request", measured.knowledge), row("tool-calls (search_knowledge)", measured.tool),
            row("transcript line → admin live stream", measured.live),
          ],
        ),
        "",
        `assistant-request p99 is ${((measured.assistant.p99 / VAPI_ASSISTANT_REQUEST_LIMIT_MS) * 100).toFixed(2)}% of Vapi's 7.5 s limit`,
        `a caller's transcript line reached the admin's live stream in ${measured.live.p50.toFixed(0)} ms p50, ${measured.live.p99.toFixed(0)} ms p99 (goal: under 1 s)`,
        `knowledge-base-request returned ${(documents / questions.length).toFixed(1)} documents on average; search_knowledge answered ${found}/${questions.length}`,
      ],
      metrics: { database: api.deps.db.kind, chunks: seeded.chunks, assistantRequestMs: measured.assistant, assistantRequestNoCallMs: measured.assistantOnly, knowledgeBaseRequestMs: measured.knowledge, toolCallsMs: measured.tool, liveTranscriptMs: measured.live },
    };
  } finally {
    await api.close();
  }
}

