import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { AnswerUnit } from "./answer-units";
import type { LabelSimilarity } from "./asked-columns";
import { cosineSimilarity, embedTextsCached } from "./sentence-vectors";

/** A row needs this many columns besides its name for the order of its cells to be chosen by meaning. */
const CHOSEN_COLUMNS = 2;

/**
 * How near in meaning each column label of the rows read is to the question: "how much a month for the small one"
 * is nearer "Price per 4 weeks" (0.62) than "Price per week" (0.54), which no word of theirs tells apart. Labels are
 * short and a knowledge base has few of them: they are embedded once (cached with the sentence texts), then each
 * question costs dot products. Undefined for a label not read.
 */
export async function columnLabelSimilarity(embeddings: EmbeddingsInterface, question: ArrayLike<number>, units: readonly AnswerUnit[]): Promise<LabelSimilarity> {
  const labels = new Set<string>();
  for (const unit of units) {
    const columns = (unit.fields ?? []).slice(1).filter((field) => field.label !== "");
    if (columns.length >= CHOSEN_COLUMNS) columns.forEach((field) => labels.add(field.label));
  }
  if (labels.size === 0) return () => undefined;
  const vectors = await embedTextsCached(embeddings, [...labels]);
  const similarity = new Map([...labels].map((label, index) => [label, cosineSimilarity(question, vectors[index]!)]));
  return (label) => similarity.get(label);
}
