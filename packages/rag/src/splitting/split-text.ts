import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { countTokens } from "./count-tokens";
import { repeatTableHeaders } from "./table-headers";

export interface SplitOptions {
  /** Maximum tokens per chunk (cl100k_base). */
  chunkSize?: number;
  /** Tokens shared by neighbouring chunks. */
  chunkOverlap?: number;
  /** "markdown" cuts at headings first; HTML and DOCX text uses Markdown headings too. */
  format?: "markdown" | "text";
}

export interface TextChunk {
  content: string;
  tokenCount: number;
  /** 0-based order within the text. */
  position: number;
}

const markdownSeparators = ["\n# ", ...RecursiveCharacterTextSplitter.getSeparatorsForLanguage("markdown")];

/** Splits text into token-bounded chunks, preferring section, paragraph, line, then word boundaries. */
export async function splitText(text: string, options: SplitOptions = {}): Promise<TextChunk[]> {
  const { chunkSize = 500, chunkOverlap = 50, format = "text" } = options;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError("chunkSize must be a positive integer");
  if (!Number.isInteger(chunkOverlap) || chunkOverlap < 0 || chunkOverlap >= chunkSize) {
    throw new RangeError("chunkOverlap must be a non-negative integer smaller than chunkSize");
  }
  const separators = format === "markdown" ? markdownSeparators : undefined;
  const pieces = repeatTableHeaders(await splitWithin(text, chunkSize, chunkOverlap, separators));
  return pieces.map((content, position) => ({ content, tokenCount: countTokens(content), position }));
}

async function splitWithin(text: string, limit: number, overlap: number, separators?: string[]): Promise<string[]> {
  const splitter = new RecursiveCharacterTextSplitter({
    chunkSize: limit,
    chunkOverlap: overlap,
    lengthFunction: countTokens,
    ...(separators ? { separators } : {}),
  });
  const pieces = (await splitter.splitText(text)).map((piece) => piece.trim()).filter((piece) => piece !== "");
  const result: string[] = [];
  for (const piece of pieces) {
    // The splitter adds up token counts of the parts it joins, but BPE is not additive: a joined chunk can
    // come out a few tokens over. Such chunks are split again with a tighter budget.
    const excess = countTokens(piece) - limit;
    if (excess <= 0) result.push(piece);
    else result.push(...(await splitWithin(piece, Math.max(1, limit - excess - 1), 0, separators)));
  }
  return result;
}
