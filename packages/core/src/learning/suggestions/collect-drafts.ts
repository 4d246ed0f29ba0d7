import { contentWords } from "@frontdesk/rag";
import type { ServiceContext } from "../../context";
import type { SuggestionDraft } from "./schemas";

/** Open gaps asked at least this often in the week become a suggestion each (the most asked first, up to MAX_GAPS). */
const MIN_GAP_COUNT = 2;
const MAX_GAPS = 5;
/** Frustrated conversations in the week before they are worth a suggestion. */
const MIN_FRUSTRATED_CONVERSATIONS = 2;
/** A tool called this often in the week that succeeded less than this share of the time. */
const MIN_TOOL_CALLS = 3;
const TOOL_SUCCESS_BELOW = 0.7;
/** An approved mapping used this often whose answers mostly failed (the mapping review queue's "flagged"). */
const MAPPING_MIN_USES = 3;
const MAPPING_SUCCESS_BELOW = 0.5;
/** Questions the bot declined although documents matched. */
const MIN_DECLINED = 2;
const EXAMPLES = 3;
const CONVERSATIONS = 5;

const quote = (text: string, max = 120) => `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
const distinct = <T>(values: Iterable<T>) => [...new Set(values)];
const ids = (values: Iterable<string | null>) => distinct([...values].filter((value): value is string => Boolean(value))).slice(0, CONVERSATIONS);

/**
 * The week's suggestions for one bot, worked out without a model from what the learning loop recorded since
 * `since`: unanswered questions (open knowledge gaps, by count), frustrated conversations and what they were about,
 * approved mappings whose answers keep failing, tools that keep failing, and questions the bot declined although
 * documents matched. Deterministic: the same records give the same drafts, most important first within each kind.
 * Admin preview chats are not traffic: their frustration does not count (their questions never become gaps).
 */
export async function collectSuggestionDrafts(ctx: ServiceContext, input: { botId: string; since: Date }): Promise<SuggestionDraft[]> {
  const sections = await Promise.all([gapDrafts(ctx, input), frustrationDrafts(ctx, input), mappingDrafts(ctx, input), toolDrafts(ctx, input), declinedDrafts(ctx, input)]);
  return sections.flat();
}

async function gapDrafts(ctx: ServiceContext, { botId, since }: { botId: string; since: Date }): Promise<SuggestionDraft[]> {
  const gaps = await ctx.prisma.knowledgeGap.findMany({
    where: { organizationId: ctx.organizationId, botId, status: "open", count: { gte: MIN_GAP_COUNT }, lastAskedAt: { gte: since } },
    orderBy: [{ count: "desc" }, { lastAskedAt: "desc" }, { id: "asc" }],
    take: MAX_GAPS,
    include: { failedRetrievals: { select: { conversationId: true }, orderBy: { createdAt: "desc" }, take: 20 } },
  });
  return gaps.map((gap) => {
    const others = gap.examples.filter((example) => example !== gap.question).slice(0, EXAMPLES);
    return {
      kind: "knowledge_gap",
      key: `gap:${gap.id}`,
      title: `${gap.count} visitors asked ${quote(gap.question)} and no document answers it`,
      detail: `Add an FAQ or a document that answers ${quote(gap.question)}${others.length ? ` (also asked as ${others.map((example) => quote(example, 80)).join(", ")})` : ""}, or say in the prompt what the bot should reply instead.`,
      evidence: { count: gap.count, examples: [gap.question, ...others], conversationIds: ids(gap.failedRetrievals.map((row) => row.conversationId)) },
    };
  });
}

async function frustrationDrafts(ctx: ServiceContext, { botId, since }: { botId: string; since: Date }): Promise<SuggestionDraft[]> {
  const frustrated = await ctx.prisma.message.findMany({
    where: { organizationId: ctx.organizationId, role: "user", createdAt: { gte: since }, conversation: { botId, preview: false }, metadata: { path: ["sentiment"], equals: "frustrated" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { conversationId: true, content: true },
  });
  const conversationIds = distinct(frustrated.map((row) => row.conversationId));
  if (conversationIds.length < MIN_FRUSTRATED_CONVERSATIONS) return [];
  // What they were about: the visitors' questions in those conversations, by the words most of them share.
  const questions = await ctx.prisma.message.findMany({
    where: { organizationId: ctx.organizationId, role: "user", conversationId: { in: conversationIds }, NOT: { metadata: { path: ["sentiment"], equals: "frustrated" } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { conversationId: true, content: true },
  });
  const topics = sharedTopics(questions, conversationIds.length);
  const examples = distinct(questions.map((row) => row.content)).slice(0, EXAMPLES);
  return [
    {
      kind: "frustration",
      key: "frustration",
      title: `${conversationIds.length} conversations had a frustrated visitor${topics.length ? `, mostly about ${topics.map((topic) => quote(topic)).join(", ")}` : ""}`,
      detail:
        `Read them and add what the bot was missing${topics.length ? ` about ${topics.join(", ")}` : ""} to its knowledge or prompt. ` +
        `What the visitors wrote: ${distinct(frustrated.map((row) => quote(row.content, 80))).slice(0, EXAMPLES).join(", ")}.`,
      evidence: { count: conversationIds.length, examples, conversationIds: conversationIds.slice(0, CONVERSATIONS) },
    },
  ];
}

/** Content words found in the questions of at least two conversations (or of the only ones), most conversations first. */
function sharedTopics(questions: ReadonlyArray<{ conversationId: string; content: string }>, conversations: number): string[] {
  const seenIn = new Map<string, Set<string>>();
  for (const question of questions) {
    for (const word of contentWords(question.content)) {
      if (word.length < 3 || /^\d+$/.test(word)) continue;
      const set = seenIn.get(word) ?? new Set<string>();
      set.add(question.conversationId);
      seenIn.set(word, set);
    }
  }
  const minimum = Math.min(2, conversations);
  return [...seenIn.entries()]
    .filter(([, set]) => set.size >= minimum)
    .sort(([a, x], [b, y]) => y.size - x.size || a.localeCompare(b))
    .slice(0, 3)
    .map(([word]) => word);
}

async function mappingDrafts(ctx: ServiceContext, { botId }: { botId: string }): Promise<SuggestionDraft[]> {
  const links = await ctx.prisma.botKnowledgeBase.findMany({ where: { botId, organizationId: ctx.organizationId }, select: { knowledgeBaseId: true } });
  if (links.length === 0) return [];
  const mappings = await ctx.prisma.queryExpansion.findMany({
    where: { organizationId: ctx.organizationId, knowledgeBaseId: { in: links.map((link) => link.knowledgeBaseId) }, status: "approved", timesUsed: { gte: MAPPING_MIN_USES } },
    orderBy: [{ timesUsed: "desc" }, { id: "asc" }],
  });
  return mappings
    .filter((mapping) => mapping.timesSuccessful / mapping.timesUsed < MAPPING_SUCCESS_BELOW)
    .map((mapping) => ({
      kind: "failing_mapping",
      key: `mapping:${mapping.id}`,
      title: `The mapping ${quote(mapping.term)} → ${mapping.expansions.join(", ")} answered ${mapping.timesSuccessful} of ${mapping.timesUsed} questions`,
      detail: `Questions with ${quote(mapping.term)} mostly still fail with this mapping: change its words or reject it in the mapping review queue.`,
      evidence: { count: mapping.timesUsed - mapping.timesSuccessful, total: mapping.timesUsed, examples: [mapping.term], conversationIds: [] },
    }));
}

async function toolDrafts(ctx: ServiceContext, { botId, since }: { botId: string; since: Date }): Promise<SuggestionDraft[]> {
  const where = { organizationId: ctx.organizationId, botId, createdAt: { gte: since } };
  // Tool calls of an admin's preview chat count too: a failing integration fails for visitors as well.
  const [all, failed] = await Promise.all([
    ctx.prisma.toolCall.groupBy({ by: ["toolName"], where, _count: { _all: true } }),
    ctx.prisma.toolCall.groupBy({ by: ["toolName"], where: { ...where, ok: false }, _count: { _all: true } }),
  ]);
  const failures = new Map(failed.map((row) => [row.toolName, row._count._all]));
  const failing = all
    .map((row) => ({ toolName: row.toolName, calls: row._count._all, failed: failures.get(row.toolName) ?? 0 }))
    .filter((row) => row.calls >= MIN_TOOL_CALLS && (row.calls - row.failed) / row.calls < TOOL_SUCCESS_BELOW)
    .sort((a, b) => b.failed - a.failed || a.toolName.localeCompare(b.toolName));
  return Promise.all(
    failing.map(async (row): Promise<SuggestionDraft> => {
      const recent = await ctx.prisma.toolCall.findMany({
        where: { ...where, toolName: row.toolName, ok: false },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: 20,
        select: { error: true, conversationId: true },
      });
      const errors = distinct(recent.map((call) => (call.error ?? "failed").slice(0, 200))).slice(0, EXAMPLES);
      return {
        kind: "failing_tool",
        key: `tool:${row.toolName}`,
        title: `The ${row.toolName} tool failed ${row.failed} of ${row.calls} calls`,
        detail: `Check its integration settings, or say in the prompt when the bot should not use it. Errors: ${errors.map((error) => quote(error, 100)).join(", ")}.`,
        evidence: { count: row.failed, total: row.calls, examples: errors, conversationIds: ids(recent.map((call) => call.conversationId)) },
      };
    }),
  );
}

async function declinedDrafts(ctx: ServiceContext, { botId, since }: { botId: string; since: Date }): Promise<SuggestionDraft[]> {
  const declined = await ctx.prisma.failedRetrieval.findMany({
    where: { organizationId: ctx.organizationId, botId, reason: "declined", createdAt: { gte: since } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { query: true, conversationId: true },
  });
  if (declined.length < MIN_DECLINED) return [];
  const examples = distinct(declined.map((row) => row.query)).slice(0, EXAMPLES);
  return [
    {
      kind: "declined",
      key: "declined",
      title: `${declined.length} questions were declined although documents matched`,
      detail: `The documents found did not hold the answer, or the prompt is too strict about answering: check them against ${examples.map((example) => quote(example, 80)).join(", ")}.`,
      evidence: { count: declined.length, examples, conversationIds: ids(declined.map((row) => row.conversationId)) },
    },
  ];
}
