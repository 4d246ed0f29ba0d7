import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { withContext, type AnswerUnit } from "./answer-units";
import { embedTextsCached, cosineSimilarity, vectorsKept } from "./sentence-vectors";
import type { QueryBatchEmbeddings } from "../embeddings/query-vector-cache";
import { contentTerms } from "./text-analysis";

/**
 * A word of the sources read is a question word said another way when the two are close in meaning (cosine of the
 * words embedded alone) and stand out as a pair: use-lite-512 puts common short words near everything ("extra" ~
 * "takes" 0.77, "off" ~ "comes" 0.77, "reserve" ~ "open" 0.73), so the closeness is read against how near each of the
 * two comes to other words (cross-domain similarity local scaling, CSLS): 2·cos − (the question word's mean cosine to
 * its NEAREST_COUNT nearest words of the sources) − (the source word's mean cosine to all of them). Measured on
 * paraphrased dev questions (bench/README.md, "Paraphrases"): "whiter" ~ "whitening" 0.72, "kids" ~ "children" 0.63,
 * "send" ~ "sent" 0.58, "insurance" ~ "insurers" 0.56, "scared" ~ "nervous" 0.51, "bunnies" ~ "rabbits" 0.49; the
 * hubs 0.26–0.44 ("send" ~ "open" 0.44, "extra" ~ "takes" 0.32), and the unanswerable questions' words at most 0.34
 * ("sell" ~ "cash", "fix" ~ "repair" 0.28, "toothbrushes" ~ "teeth" 0.28).
 */
export const NEIGHBOUR_SCORE = 0.45;
/** Below this cosine no pair is looked at (CSLS aside): the closest pairs of unrelated words sit under it. */
export const NEIGHBOUR_SIMILARITY = 0.6;
/** How many of the question word's nearest source words measure how near it comes to words in general. */
const NEAREST_COUNT = 5;

/** Words shorter than this are left out of the vocabulary compared (abbreviations embed as noise). */
const MIN_WORD_LENGTH = 3;

/** The question's word as the sources read say it: a word of theirs and how close in meaning it is. */
export interface WordNeighbour {
  word: string;
  similarity: number;
}

/** Neighbours of question words found in the sources read (see wordNeighbours); empty when none were looked for. */
export type WordNeighbours = ReadonlyMap<string, readonly WordNeighbour[]>;

/** The words the sentences read say (with their headings), digits left out: what a question word is compared with. */
export function vocabularyOf(units: readonly AnswerUnit[]): string[] {
  const words = new Set<string>();
  for (const unit of units) for (const term of contentTerms(withContext(unit))) if (term.length >= MIN_WORD_LENGTH && !/\p{N}/u.test(term)) words.add(term);
  return [...words];
}

/**
 * For each question word no source read mentions, the words of the sources read that mean the same by the embedding
 * model (see NEIGHBOUR_SCORE), best first. Words are embedded alone and cached with the sentence texts, so a
 * knowledge base's vocabulary costs a model call once and later questions only dot products.
 */
export async function wordNeighbours(embeddings: EmbeddingsInterface, words: readonly string[], vocabulary: readonly string[]): Promise<Map<string, WordNeighbour[]>> {
  const asked = words.filter((word) => word.length >= MIN_WORD_LENGTH && !/\p{N}/u.test(word));
  const found = new Map<string, WordNeighbour[]>();
  if (asked.length === 0 || vocabulary.length < NEAREST_COUNT + 1) return found;
  const vectors = await embedWordsCached(embeddings, [...asked, ...vocabulary]);
  const said = vectors.slice(asked.length);
  const hubness = new Map<number, number>();
  // How near a source word comes to the others (its mean cosine to the vocabulary), measured for candidates only.
  const hubOf = (position: number) => {
    let near = hubness.get(position);
    if (near === undefined) {
      let sum = 0;
      said.forEach((vector, other) => (sum += other === position ? 0 : cosineSimilarity(said[position]!, vector)));
      hubness.set(position, (near = sum / (said.length - 1)));
    }
    return near;
  };
  asked.forEach((word, index) => {
    const cosines = said.map((vector) => cosineSimilarity(vectors[index]!, vector));
    const nearest = [...cosines].sort((a, b) => b - a).slice(0, NEAREST_COUNT);
    const reach = nearest.reduce((sum, cosine) => sum + cosine, 0) / nearest.length;
    const near = vocabulary
      .flatMap((candidate, position) => {
        const cosine = cosines[position]!;
        if (candidate === word || cosine < NEIGHBOUR_SIMILARITY) return [];
        const score = 2 * cosine - reach - hubOf(position);
        return score >= NEIGHBOUR_SCORE ? [{ word: candidate, similarity: cosine, score }] : [];
      })
      .sort((a, b) => b.score - a.score)
      .map(({ word: candidate, similarity }) => ({ word: candidate, similarity }));
    if (near.length > 0) found.set(word, near);
  });
  return found;
}

/** Word vectors kept per embeddings model: a knowledge base's words recur from question to question. */
const WORDS_KEPT = 20_000;
const wordCaches = new WeakMap<EmbeddingsInterface, Map<string, number[]>>();

/**
 * Vectors of words, in order: cached ones from the cache, the others embedded and cached. The local model embeds
 * them in one message, run once per token count (embedQueries), each vector bit for bit the word's alone, whatever
 * other words are embedded with it: a knowledge base's first ~100 words cost ~3 runs of the model, not one per 8
 * words (embedDocuments' batches pad shorter rows to the longest, which moves a vector in its last bits, so a word's
 * vector depended on which words were not cached yet). Other models: embedTextsCached.
 */
export async function embedWordsCached(embeddings: EmbeddingsInterface, words: readonly string[]): Promise<number[][]> {
  if (typeof (embeddings as Partial<QueryBatchEmbeddings>).embedQueries !== "function") return embedTextsCached(embeddings, words);
  const batch = embeddings as EmbeddingsInterface & QueryBatchEmbeddings;
  return vectorsKept(wordCaches, embeddings, words, WORDS_KEPT, (missing) => batch.embedQueries(missing));
}
