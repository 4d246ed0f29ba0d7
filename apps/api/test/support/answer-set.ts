import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { z } from "zod";
import type { ApiDeps } from "../../src/deps";
import type { client, Tenant } from "./test-api";

/** One line of a set's questions file: `expect` null marks a question the documents cannot answer. */
const questionLine = z.object({ q: z.string().min(1), expect: z.array(z.string().min(1)).min(1).nullable(), doc: z.string().optional() });
export type AnswerSetQuestion = z.infer<typeof questionLine>;

export interface AnsweredQuestion extends AnswerSetQuestion {
  answer: string;
  cited: number;
  /** Answerable: an expected phrase appears. Unanswerable: declined (no citations). */
  ok: boolean;
  /** Wall time of the chat request, ms. */
  ms: number;
}

export interface AnswerSetScore {
  set: string;
  answerable: number;
  correct: number;
  accuracy: number;
  unanswerable: number;
  declined: number;
  declineRate: number;
  msPerAnswer: number;
}

/** Files of a set that are not documents: its description and its question files. */
const isSetFile = (name: string) => /^readme(\.|$)/i.test(name) || /^questions.*\.jsonl$/i.test(name) || name.startsWith(".");

export async function readAnswerSetQuestions(path: string): Promise<AnswerSetQuestion[]> {
  const lines = (await readFile(path, "utf8")).split(/\r?\n/).filter((line) => line.trim() !== "");
  return lines.map((line, index) => {
    const parsed = questionLine.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${index + 1}: ${parsed.error.issues[0]?.message ?? "bad question line"}`);
    return parsed.data;
  });
}

/**
 * Scores an answer set through the product as a client would: uploads every document of the folder into the
 * tenant's knowledge base over the REST API, waits until they are ingested (all must be ready), then asks each
 * question in a new conversation (`POST /api/v1/chat`). A correct answer contains an expected phrase
 * (case-insensitive); a declined one cites nothing.
 */
export async function runAnswerSet(input: {
  deps: ApiDeps;
  call: ReturnType<typeof client>;
  tenant: Tenant;
  folder: string;
  /** Question file inside the folder (default questions.jsonl). */
  questionsFile?: string;
  /** Called once the documents are ingested, right before the first question (benches reset their timers). */
  onAsking?: () => void | Promise<void>;
}): Promise<{ score: AnswerSetScore; answers: AnsweredQuestion[] }> {
  const questions = await readAnswerSetQuestions(join(input.folder, input.questionsFile ?? "questions.jsonl"));
  await ingestAnswerSet(input);
  await input.onAsking?.();
  return askAnswerSet({ ...input, questions });
}

/** Uploads every document of an answer set's folder into the tenant's knowledge base and waits until all are ready. */
export async function ingestAnswerSet(input: { deps: ApiDeps; call: ReturnType<typeof client>; tenant: Tenant; folder: string }): Promise<void> {
  const { deps, call, tenant, folder } = input;
  const documents = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile() && !isSetFile(entry.name));
  for (const entry of documents.sort((a, b) => a.name.localeCompare(b.name))) {
    const form = new FormData();
    form.append("file", new File([await readFile(join(folder, entry.name))], entry.name));
    const response = await call("POST", `/api/v1/knowledge/bases/${tenant.knowledgeBaseId}/documents`, form);
    if (response.status >= 300) throw new Error(`upload of ${entry.name} answered ${response.status}: ${await response.text()}`);
    await response.body?.cancel();
  }
  await deps.events.drain();
  const stored = await deps.prisma.document.findMany({ where: { knowledgeBaseId: tenant.knowledgeBaseId }, select: { title: true, status: true, error: true } });
  const notReady = stored.filter((document) => document.status !== "ready");
  if (notReady.length > 0) throw new Error(`documents not ready: ${notReady.map((d) => `${d.title} (${d.status}: ${d.error ?? ""})`).join(", ")}`);
}

/** Asks each question of an ingested set in a new conversation and scores the answers (see runAnswerSet). */
export async function askAnswerSet(input: {
  call: ReturnType<typeof client>;
  tenant: Tenant;
  folder: string;
  questions: readonly AnswerSetQuestion[];
}): Promise<{ score: AnswerSetScore; answers: AnsweredQuestion[] }> {
  const { call, tenant, folder, questions } = input;
  const answers: AnsweredQuestion[] = [];
  const started = performance.now();
  for (const question of questions) {
    const asked = performance.now();
    const response = await call("POST", "/api/v1/chat", { botId: tenant.botId, message: question.q });
    if (response.status !== 200) throw new Error(`chat answered ${response.status} to ${JSON.stringify(question.q)}: ${await response.text()}`);
    const body = (await response.json()) as { message: string; citations: unknown[] };
    const text = body.message.toLowerCase();
    const ok = question.expect === null ? body.citations.length === 0 : question.expect.some((phrase) => text.includes(phrase.toLowerCase()));
    answers.push({ ...question, answer: body.message, cited: body.citations.length, ok, ms: performance.now() - asked });
  }
  const msPerAnswer = questions.length === 0 ? 0 : (performance.now() - started) / questions.length;
  const answerable = answers.filter((answer) => answer.expect !== null);
  const unanswerable = answers.filter((answer) => answer.expect === null);
  const correct = answerable.filter((answer) => answer.ok).length;
  const declined = unanswerable.filter((answer) => answer.ok).length;
  const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
  return {
    score: {
      set: basename(folder),
      answerable: answerable.length,
      correct,
      accuracy: ratio(correct, answerable.length),
      unanswerable: unanswerable.length,
      declined,
      declineRate: ratio(declined, unanswerable.length),
      msPerAnswer: Math.round(msPerAnswer * 10) / 10,
    },
    answers,
  };
}
