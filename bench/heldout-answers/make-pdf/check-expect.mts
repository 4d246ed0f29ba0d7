/**
 * Checks that every `expect` phrase of a set's questions is in the extracted text of its document (PDF through the
 * product's extractPdf), case-insensitive. `npx tsx bench/heldout-answers/make-pdf/check-expect.mts <set folder> questions.jsonl` (the questions file relative to the folder)
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { extractPdf } from "../../../packages/rag/src/loaders/extract-pdf.ts";

const [folder, file = "questions.jsonl"] = process.argv.slice(2);
const lines = (await readFile(join(folder!, file), "utf8")).split("\n").filter((l) => l.trim());
const texts = new Map<string, string>();
let bad = 0, answerable = 0, unanswerable = 0;
for (const line of lines) {
  const q = JSON.parse(line) as { q: string; expect: string[] | null; doc?: string };
  if (!q.expect) { unanswerable++; continue; }
  answerable++;
  const doc = q.doc!;
  if (!texts.has(doc)) {
    const bytes = await readFile(join(folder!, doc));
    const text = doc.endsWith(".pdf") ? (await extractPdf(new Uint8Array(bytes))).pages.map((p: { text: string }) => p.text).join("\n") : bytes.toString("utf8");
    texts.set(doc, text.replace(/[ \t]+/g, " ").toLowerCase());
  }
  const text = texts.get(doc)!;
  for (const e of q.expect) if (!text.includes(e.toLowerCase())) { bad++; const split = text.replace(/\s+/g, " ").includes(e.toLowerCase()); console.log(`${split ? "SPLIT BY A LINE BREAK" : "NOT FOUND"} in ${doc}: "${e}" (q: ${q.q})`); }
}
console.log(`${answerable} answerable, ${unanswerable} unanswerable, ${bad} phrases not found`);
