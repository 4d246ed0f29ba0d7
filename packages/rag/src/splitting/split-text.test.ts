import { describe, expect, it } from "vitest";
import { countTokens } from "./count-tokens";
import { splitText } from "./split-text";

const paragraph = (topic: string, sentences: number) =>
  Array.from({ length: sentences }, (_, i) => `Sentence ${i + 1} explains the ${topic} policy in some detail.`).join(" ");

describe("countTokens", () => {
  it("counts cl100k_base tokens offline, including special-token lookalikes", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("hello world")).toBe(2);
    expect(countTokens("tokenization")).toBe(2);
    expect(countTokens("a <|endoftext|> b")).toBeGreaterThan(3);
  });
});

describe("splitText", () => {
  it("keeps short text in one chunk", async () => {
    expect(await splitText("  Opening hours are 9 to 5.  ")).toEqual([
      { content: "Opening hours are 9 to 5.", tokenCount: countTokens("Opening hours are 9 to 5."), position: 0 },
    ]);
  });

  it("never exceeds chunkSize tokens, overlaps neighbours and numbers positions", async () => {
    const text = [paragraph("refund", 40), paragraph("shipping", 40), paragraph("privacy", 40)].join("\n\n");
    const chunks = await splitText(text, { chunkSize: 100, chunkOverlap: 20 });
    expect(chunks.length).toBeGreaterThan(6);
    expect(chunks.map((chunk) => chunk.position)).toEqual(chunks.map((_, i) => i));
    for (const chunk of chunks) {
      expect(chunk.tokenCount).toBeLessThanOrEqual(100);
      expect(chunk.tokenCount).toBe(countTokens(chunk.content));
    }
    // With overlap, a chunk starts with words the previous one ended with.
    const overlapping = chunks.slice(1).filter((chunk, i) => chunks[i]!.content.includes(chunk.content.slice(0, 40)));
    expect(overlapping.length).toBeGreaterThan(chunks.length / 2);
    // Nothing is lost: every sentence of the input appears in some chunk.
    for (const sentence of text.split(/(?<=\.)\s+/)) expect(chunks.some((c) => c.content.includes(sentence))).toBe(true);
  });

  it("cuts Markdown at headings so sections stay together", async () => {
    const text = `# Handbook\n\nIntro.\n\n## Vacation\n\n${paragraph("vacation", 6)}\n\n## Parking\n\n${paragraph("parking", 6)}`;
    const chunks = await splitText(text, { chunkSize: 120, chunkOverlap: 0, format: "markdown" });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.content).toMatch(/^#{1,2} /);
    expect(chunks.some((chunk) => chunk.content.startsWith("## Parking"))).toBe(true);
    // Plain-text mode has no such preference and cuts inside sections.
    const plain = await splitText(text, { chunkSize: 120, chunkOverlap: 0 });
    expect(plain.some((chunk) => !chunk.content.startsWith("#"))).toBe(true);
  });

  it("splits an unbroken run of characters by tokens", async () => {
    const chunks = await splitText("x".repeat(5000), { chunkSize: 50, chunkOverlap: 0 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.tokenCount).toBeLessThanOrEqual(50);
  });

  it("returns nothing for blank text and rejects overlap >= size", async () => {
    expect(await splitText(" \n\n ")).toEqual([]);
    await expect(splitText("a", { chunkSize: 10, chunkOverlap: 10 })).rejects.toThrow(RangeError);
  });
});
