import { contentWords } from "@frontdesk/rag";
import type { Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";

/** Most words a learned mapping adds. */
const MAX_TARGET_WORDS = 5;
/** Learning examples kept per mapping. */
const MAX_EXAMPLES = 10;
/** Shortest word worth learning (drops "pm", "ok", typos of one letter). */
const MIN_TERM_LENGTH = 3;

/** 0..1 from how often the pair was seen and how often the answer it led to was accepted. */
export function mappingConfidence(seen: number, accepted: number): number {
  return Math.round((1 - 0.6 ** (seen + accepted)) * 100) / 100;
}

export interface LearningExample {
  conversationId: string;
  failedQuery: string;
  failedMessageId: string | null;
  answeredBy: "rephrase" | "operator";
  answer: string;
  answerMessageId: string;
  at: string;
}

export interface ProposeMappingInput {
  /** The bot's knowledge bases: a word any of them contains is not unknown. */
  knowledgeBaseIds: readonly string[];
  /** Where the mapping goes (the knowledge base that answered). */
  knowledgeBaseId: string;
  failedQuery: string;
  /** The wording that worked (the rephrased question, or an operator's reply). */
  answeredQuery: string;
  /**
   * Text of the sources the successful answer cited: expansion words must occur there. None (an operator's
   * reply) → expansion words must occur somewhere in the knowledge.
   */
  answerSourceText?: string | undefined;
  example: LearningExample;
}

const unique = (words: string[]) => [...new Set(words)];

/** Which of `words` some chunk of the knowledge bases contains (the full-text index's per-lexeme counts). */
async function knownWords(ctx: ServiceContext, knowledgeBaseIds: readonly string[], words: string[]): Promise<Set<string>> {
  if (words.length === 0) return new Set();
  const rows = await ctx.prisma.$queryRaw<Array<{ lexeme: string }>>`
    SELECT DISTINCT t.lexeme FROM knowledge_base_term t
      JOIN knowledge_base kb ON kb.id = t."knowledgeBaseId" AND kb."organizationId" = ${ctx.organizationId}
     WHERE t."knowledgeBaseId" = ANY(${[...knowledgeBaseIds]}::text[])
       AND t.lexeme = ANY(${words}::text[])
       AND t."chunkCount" > 0`;
  return new Set(rows.map((row) => row.lexeme));
}

/**
 * A failed wording followed by one that worked: each of the failed question's words the knowledge does not
 * contain (and the rephrase dropped) is proposed to map to the rephrase's new words that the cited sources
 * contain ("zafira" → "car", "park"). Proposals are pending learned expansions, merged with earlier sightings
 * of the same pair; words a reviewer rejected for a term are never proposed again. Human-made and approved
 * expansions are left alone. Returns the ids of the expansions proposed or reinforced.
 */
export async function proposeMapping(ctx: ServiceContext, input: ProposeMappingInput): Promise<string[]> {
  const failed = unique(contentWords(input.failedQuery));
  const answered = unique(contentWords(input.answeredQuery));
  const candidates = failed.filter((word) => !answered.includes(word) && word.length >= MIN_TERM_LENGTH && !/^\d+$/.test(word));
  const fresh = answered.filter((word) => !failed.includes(word));
  if (candidates.length === 0 || fresh.length === 0) return [];
  const known = await knownWords(ctx, input.knowledgeBaseIds, [...candidates, ...fresh]);
  const sourceWords = input.answerSourceText !== undefined ? new Set(contentWords(input.answerSourceText)) : known;
  const targets = fresh.filter((word) => sourceWords.has(word)).slice(0, MAX_TARGET_WORDS);
  if (targets.length === 0) return [];
  const terms = candidates.filter((word) => !known.has(word));
  const ids: string[] = [];
  for (const term of terms) {
    const id = await proposeTerm(ctx, input, term, targets);
    if (id) ids.push(id);
  }
  return ids;
}

async function proposeTerm(ctx: ServiceContext, input: ProposeMappingInput, term: string, targets: string[]): Promise<string | null> {
  const where = { knowledgeBaseId_term: { knowledgeBaseId: input.knowledgeBaseId, term } };
  const existing = await ctx.prisma.queryExpansion.findUnique({ where });
  const example = input.example as unknown as Prisma.InputJsonObject;
  if (!existing) {
    const row = await ctx.prisma.queryExpansion.create({
      data: {
        organizationId: ctx.organizationId,
        knowledgeBaseId: input.knowledgeBaseId,
        term,
        expansions: targets,
        source: "learned",
        status: "pending",
        seenCount: 1,
        confidence: mappingConfidence(1, 0),
        provenance: { examples: [example] },
      },
    });
    return row.id;
  }
  if (existing.source !== "learned" || existing.status === "approved") return null;
  const examples = [example, ...readExamples(existing.provenance)].slice(0, MAX_EXAMPLES);
  if (existing.status === "rejected") {
    // The rejected words stay rejected; only words nobody has judged yet make a new proposal.
    const rejected = unique([...existing.rejectedExpansions, ...existing.expansions]);
    const fresh = targets.filter((word) => !rejected.includes(word));
    if (fresh.length === 0) return null;
    const row = await ctx.prisma.queryExpansion.update({
      where: { id: existing.id },
      data: {
        status: "pending",
        expansions: fresh,
        rejectedExpansions: rejected,
        seenCount: 1,
        acceptedCount: 0,
        confidence: mappingConfidence(1, 0),
        reviewedAt: null,
        provenance: { examples },
      },
    });
    return row.id;
  }
  const expansions = unique([...existing.expansions, ...targets.filter((word) => !existing.rejectedExpansions.includes(word))]).slice(0, 20);
  const row = await ctx.prisma.queryExpansion.update({
    where: { id: existing.id },
    data: {
      expansions,
      seenCount: existing.seenCount + 1,
      confidence: mappingConfidence(existing.seenCount + 1, existing.acceptedCount),
      provenance: { examples },
    },
  });
  return row.id;
}

function readExamples(provenance: Prisma.JsonValue): Prisma.InputJsonObject[] {
  if (provenance && typeof provenance === "object" && !Array.isArray(provenance) && Array.isArray(provenance.examples)) {
    return provenance.examples.filter((value): value is Prisma.JsonObject => !!value && typeof value === "object" && !Array.isArray(value)) as Prisma.InputJsonObject[];
  }
  return [];
}
