import { createSseParser, type SseMessage } from "../apps/widget/src/read-sse";
import type { LatencySummary } from "./latency-summary";
import { summarizeLatencies } from "./latency-summary";
import { progress } from "./progress";

const WARMUP = 5;

interface LiveCallTarget {
  base: string;
  botId: string;
  botPublicKey: string;
  apiKey: string;
  voiceSecret: string;
}

/**
 * How long a caller's transcript line takes to reach an owner watching the call: from sending Vapi's `transcript`
 * message to the server URL until the same line arrives on `GET /api/v1/calls/{id}/live` (the admin's live view
 * stream; on PostgreSQL it travels through LISTEN/NOTIFY and the 100 ms batch, as it would between replicas).
 * The goal is under 1 s.
 */
export async function measureLiveTranscriptLatency(target: LiveCallTarget, lines: number): Promise<LatencySummary> {
  const vapiCallId = `bench-live-${Date.now()}`;
  const startedAt = Date.now();
  const post = async (message: Record<string, unknown>) => {
    const response = await fetch(`${target.base}/api/webhooks/vapi/${target.botPublicKey}`, {
      method: "POST",
      headers: { "x-vapi-secret": target.voiceSecret, "content-type": "application/json" },
      body: JSON.stringify({ message: { timestamp: Date.now(), call: { id: vapiCallId, type: "inboundPhoneCall", status: "in-progress", customer: { number: "+14155550123" } }, ...message } }),
    });
    if (response.status !== 200) throw new Error(`${String(message.type)} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    await response.arrayBuffer();
  };
  await post({ type: "status-update", status: "in-progress" });
  const calls = await fetch(`${target.base}/api/v1/calls?botId=${target.botId}`, { headers: { authorization: `Bearer ${target.apiKey}` } });
  const listed = (await calls.json()) as { data: Array<{ id: string; vapiCallId: string }> };
  const call = listed.data.find((c) => c.vapiCallId === vapiCallId);
  if (!call) throw new Error("the bench call was not listed");

  const controller = new AbortController();
  const live = await fetch(`${target.base}/api/v1/calls/${call.id}/live`, { headers: { authorization: `Bearer ${target.apiKey}` }, signal: controller.signal });
  if (live.status !== 200 || !live.body) throw new Error(`the live stream answered ${live.status}`);
  const arrivals = new Map<string, () => void>();
  const parser = createSseParser((message: SseMessage) => {
    if (message.event !== "event") return;
    const text = (JSON.parse(message.data) as { text?: string }).text;
    if (text) arrivals.get(text)?.();
  });
  const reader = live.body.getReader();
  const decoder = new TextDecoder();
  const reading = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // aborted below
    }
  })();

  const report = progress("live transcript line → admin stream", lines + WARMUP);
  const samples: number[] = [];
  try {
    for (let index = 0; index < lines + WARMUP; index++) {
      const text = `Line ${index} of the caller asking about opening hours`;
      const arrived = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`"${text}" did not reach the live stream within 10 s`)), 10_000);
        arrivals.set(text, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const sent = performance.now();
      await post({ type: "transcript", role: "user", transcriptType: "final", transcript: text, secondsFromStart: (Date.now() - startedAt) / 1000 });
      await arrived;
      if (index >= WARMUP) samples.push(performance.now() - sent);
      arrivals.delete(text);
      report(index + 1);
    }
  } finally {
    controller.abort();
    await reading;
  }
  return summarizeLatencies(samples);
}
