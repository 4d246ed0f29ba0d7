import { describe, expect, it } from "vitest";
import type { SearchResult } from "../knowledge/schemas";
import { withLexiconSources } from "./lexicon-sources";

const source = (chunkId: string, content: string): SearchResult => ({
  chunkId,
  documentId: `doc-${chunkId}`,
  knowledgeBaseId: "kb",
  title: "",
  content,
  position: 0,
  score: 0.5,
  vectorScore: 0.5,
  textScore: null,
});

const found = Array.from({ length: 8 }, (_, index) => source(`c${index}`, `Lavamos cada coche a mano, paso ${index}.`));
const parking = source("parking", "Tenemos seis plazas de aparcamiento para clientes delante del local.");

describe("withLexiconSources", () => {
  it("reads the passage saying the documents' way of a visitor's word no passage found says, last among those read", async () => {
    const searched: string[] = [];
    const sources = await withLexiconSources("hay parqueadero?", found, async (terms) => {
      searched.push(terms);
      return [found[0]!, parking, ...found.slice(1)];
    });
    expect(searched[0]?.split(" ")).toContain("aparcamiento");
    // A Spanish answer reads 8 sources: the passage is the eighth, the others keep their order.
    expect(sources.map((hit) => hit.chunkId)).toEqual(["c0", "c1", "c2", "c3", "c4", "c5", "c6", "parking", "c7"]);
  });

  it("does not search again when the passages read say the line, or the question says none", async () => {
    const search = async (): Promise<SearchResult[]> => {
      throw new Error("searched again");
    };
    expect(await withLexiconSources("hay parqueadero?", [parking, ...found], search)).toHaveLength(9);
    expect(await withLexiconSources("quiénes sois?", found, search)).toBe(found);
  });

  it("adds nothing when the second search finds no passage saying the documents' way", async () => {
    expect(await withLexiconSources("hay parqueadero?", found, async () => found)).toBe(found);
  });
});
