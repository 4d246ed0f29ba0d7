import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { weighWordsTogether } from "./question-focus";
import { contentTerms } from "./text-analysis";

/**
 * The answer thresholds on meaning (`minScore` 0.45, `CARRIED_BY_MEANING` 0.56, the combined score) were measured on
 * questions the local model reads, whose cosine to the sentences read averages 0.03–0.45 per question and 0.21–0.28
 * per English answer set; READ_BAND is the top of that band. A question it does not read (another language for an
 * English-only model, jargon) sits at one cosine from every sentence of that language: German questions average
 * 0.65–0.82 to German sentences, unrelated ones included, so every meaning threshold passed and none of the German
 * set's unanswerable questions was declined (bench/README.md, "Declining in other languages").
 */
export const READ_BAND = 0.3;

/** A band this high may be a question the model does not read; below it the thresholds stand as they are. */
export const HIGH_BAND = 0.5;

/**
 * How far a question moves when all its content words are taken out (1 − cosine), below which the model does not
 * read them: "Gibt es einen Studentenrabatt?" 0.10, "macht ihr auch wimpern und augenbrauen" 0.07; English questions
 * move 0.23–0.8 but for chat-speak the model reads no better ("where r u based" 0.18).
 */
export const READS_CONTENT_SHIFT = 0.2;

/**
 * What to subtract from a question's cosines so that they stand against the band of a question the model reads:
 * 0 unless the sentences read sit in a high band (mean cosine ≥ HIGH_BAND) and the question's content words barely
 * move its vector; then the band's excess over READ_BAND, so a sentence answers by meaning only when it stands out
 * of its band as far as it must in a language the model reads.
 */
export async function meaningBandOffset(embeddings: EmbeddingsInterface, question: string, cosines: readonly number[]): Promise<number> {
  if (cosines.length === 0) return 0;
  const mean = cosines.reduce((sum, cosine) => sum + cosine, 0) / cosines.length;
  if (mean < HIGH_BAND) return 0;
  const moved = await weighWordsTogether(embeddings, question, contentTerms(question));
  return moved < READS_CONTENT_SHIFT ? mean - READ_BAND : 0;
}
