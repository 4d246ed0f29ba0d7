import type { Bot, Conversation } from "@frontdesk/db";
import { resolveChatModel, type ActiveChatModel, type AnswerMode } from "../answer-model";
import type { ServiceContext } from "../context";
import { conversationModel } from "../conversations/search/conversation-embeddings";
import { storeTurnMessageEmbedding } from "../conversations/search/embed-message";
import { AppError, notFound } from "../errors";
import type { SearchedKnowledgeBase } from "../knowledge/search-knowledge";
import { warmQueryVectors } from "../knowledge/warm-query-vectors";
import type { SearchResult } from "../knowledge/schemas";
import { questionWithExpansions, type AppliedExpansion } from "../knowledge/expansions/table-query-expander";
import { hasLessons, type AnsweredTurn } from "../learning/learn-from-turn";
import { requestTurnLearning } from "../learning/request-turn-learning";
import { assessVisitorTurn, HANDOFF_SUGGESTION, sentimentMetadata } from "../learning/frustration/assess-visitor-turn";
import { classifyVisitorTurn } from "../learning/frustration/sentiment-rules";
import type { SentimentLanguage } from "../learning/frustration/sentiment-rules";
import { parseInput } from "../parse-input";
import { addSpan, readVisitorQuestion, sourcesReadAtMost, timeSpan } from "@frontdesk/rag";
import { redactSecretLookingKeys } from "../secrets";
import { bindBotTools, type BoundTool } from "../tools/resolve-bot-tools";
import { resolveAnswerSettings } from "./answer-settings";
import { searchEarly, searchTurnSources, type TurnSearch, type TurnSources } from "./turn-sources";
import { readTurnBot, sameTurnBot, type LoadedTurnBot } from "./turn-bot";
import { toVisitorMessage } from "../conversations/visitor-message";
import { noteLeadEngaged, requestFollowUps } from "../leads/follow-ups/request-follow-ups";
import { addLeadFormIfDue } from "../leads/lead-form";
import { mayBeLead } from "../leads/qualification/qualify-conversation";
import { requestLeadQualification } from "../leads/qualification/request-qualification";
import { upsertConversationLead } from "../leads/upsert-conversation-lead";
import { generateAnswer, type AnswerEvent } from "./generate-answer";
import { loadSentenceVectors } from "./stored-sentence-vectors";
import { escalateIfUnanswered, looksLikeQuestion, UNANSWERED_IN_A_ROW } from "../handoff/escalate-unanswered";
import { handoffTurn } from "./handoff-turn";
import { bookingTurn } from "../leads/booking/booking-turn";
import { loadHistory } from "./load-history";
import { openConversation } from "./open-conversation";
import { emitMessageCreated } from "../webhooks/emit-chat-events";
import { turnWebhooks, type TurnWebhooks } from "../webhooks/turn-webhooks";
import { chatInput, type ChatEvent, type ChatInput, type ChatStream } from "./schemas";

interface Turn extends TurnSearch {
  conversation: Conversation;
  botId: string;
  leadCapture: unknown;
  /** The bot's follow-up sequence (Bot.followUps), started after the answer. */
  followUps: unknown;
  systemPrompt: string;
  /** The search started early (searchEarly), if it was. */
  sources?: Promise<TurnSources> | undefined;
  /** The stored visitor message this turn answers. */
  questionMessageId: string;
  history: { role: "user" | "assistant"; content: string }[];
  startedAt: number;
  replyTo?: string | undefined;
  /** The visitor has been frustrated twice: the answer is followed by an offer of a person, in this language. */
  suggestHandoff?: HandoffSuggestion;
  /** The organization's model, when the turn started resolving it already. */
  model?: Promise<ActiveChatModel> | undefined;
  /** The turn's webhooks (web chat): events recorded in order off the answer's path. */
  webhooks?: TurnWebhooks | undefined;
  /** The conversation was opened by this turn: no answers before this one. */
  newConversation?: boolean | undefined;
}

/** The language to offer a person in, or none; a promise when the turn is still being assessed. */
type HandoffSuggestion = SentimentLanguage | undefined | Promise<SentimentLanguage | undefined>;

/**
 * Answers one visitor message. The conversation and the user message are written before this returns, so a
 * failure while answering (model down, client gone) still leaves the question on record; the assistant message
 * with citations, latency and token usage is written when the answer completes, right before `done`.
 */
export async function streamChat(ctx: ServiceContext, input: ChatInput): Promise<ChatStream> {
  const startedAt = performance.now();
  const data = parseInput(chatInput, input);
  if (ctx.actor.type === "widget" && ctx.actor.botId !== data.botId) throw notFound("Bot");
  // Read while the bot is loaded: the organization's model (the answer and the sentiment's model request need it)
  // and its webhook endpoints (every event of the turn is matched against this one read).
  const model = timeSpan("chat.resolveChatModel", () => resolveChatModel(ctx));
  model.catch(() => undefined);
  const webhooks = turnWebhooks(ctx);
  const search = (bot: LoadedTurnBot, conversation: Conversation | null) =>
    searchEarly(ctx, { ...turnSearch(bot, data.message), bot, conversation, requestHandoff: data.requestHandoff });
  // The question is embedded while the turn is stored; search and the message's own embedding then share that
  // vector. A conversation this request opens is known to be open and new: its search starts before it is written.
  const begin = (bot: LoadedTurnBot) => {
    // The search embeds the question as it reads it (readVisitorQuestion; a corrected typo is embedded when found).
    warmQueryVectors(ctx, bot.knowledgeBases.map((link) => link.knowledgeBase.embeddingModel), readVisitorQuestion(data.message));
    return { bot, search: data.conversationId ? undefined : search(bot, null) };
  };
  // Both start with the bot as this process last read it, while this turn reads it again; if it changed, again.
  const { recent, fresh } = readTurnBot(ctx, data.botId);
  let started = recent ? begin(recent) : undefined;
  const bot = await fresh;
  if (!bot) throw notFound("Bot");
  if (!started || !sameTurnBot(started.bot, bot)) {
    // Counted in the timing spans (chat-profile.ts): a bot that changed between turns is searched twice.
    if (started) addSpan("chat.searchAgainChangedBot", 0);
    started = begin(bot);
  }
  const newConversationSearch = started.search;

  const settings = resolveAnswerSettings(bot.answerSettings);
  // Stamped before the conversation is opened: a new one is created at its first message's time (no touch after).
  const askedAt = new Date();
  const conversation = await timeSpan("chat.openConversation", () =>
    openConversation(ctx, { ...data, botId: bot.id }, { webhooks, ...(data.conversationId ? {} : { firstMessageAt: askedAt }) }),
  );
  const sources = data.conversationId ? search(bot, conversation) : newConversationSearch;
  if (data.visitor) {
    await upsertConversationLead(ctx, { botId: bot.id, conversationId: conversation.id, contact: data.visitor, source: "identify" });
  }
  // A conversation this request opens has no history yet.
  const history = data.conversationId ? await timeSpan("chat.loadHistory", () => loadHistory(ctx, conversation.id, settings.historyTurns)) : [];
  // The first message of a new conversation has no earlier ones to compare with: its sentiment by the rules is
  // known before it is written and is written with it.
  const firstSentiment = data.conversationId ? undefined : classifyVisitorTurn(data.message, []);
  const [userMessage] = await Promise.all([
    timeSpan("chat.storeQuestion", () =>
      ctx.prisma.message.create({
        data: {
          organizationId: ctx.organizationId,
          conversationId: conversation.id,
          role: "user",
          content: data.message,
          createdAt: askedAt,
          ...(firstSentiment ? { metadata: sentimentMetadata(firstSentiment) } : {}),
        },
      }),
    ),
    data.conversationId ? timeSpan("chat.touchConversation", () => touchConversation(ctx, conversation.id, askedAt)) : undefined,
    conversation.preview ? undefined : timeSpan("chat.noteLeadEngaged", () => noteLeadEngaged(ctx, { conversationId: conversation.id, reason: "replied", followUps: bot.followUps })),
  ]);
  webhooks.messageCreated(userMessage);
  // The message's vector for conversation search is the question's, embedded for the search: stored while it searches.
  const embedded = timeSpan("chat.storeMessageEmbedding", () => storeTurnMessageEmbedding(ctx, userMessage, conversationModel(ctx, bot.knowledgeBases)));
  // The turn's sentiment only decides whether the reply ends with an offer of a person: it is assessed while the
  // answer is searched and written, not before (never throws). A new conversation has no earlier messages to read.
  const assessment = timeSpan("chat.assessVisitorTurn", () =>
    assessVisitorTurn(ctx, { conversationId: conversation.id, messageId: userMessage.id, message: userMessage, chatModel: model, ...(firstSentiment ? { stored: firstSentiment } : {}) }),
  );
  const events = await continueTurn(ctx, {
    bot,
    conversation,
    question: data.message,
    questionMessageId: userMessage.id,
    history,
    requestHandoff: data.requestHandoff,
    startedAt,
    suggestHandoff: assessment.then((result) => (result?.suggestHandoff ? result.sentiment.language : undefined)),
    sources,
    model,
    webhooks,
    newConversation: !data.conversationId,
  });
  // Once the reply is ready, the lead's re-scoring is queued, so its job does not compete with answering (an admin
  // preview chat is no lead, see upsertConversationLead; a conversation this turn opened without contact details,
  // whose message gives none, has no lead to score yet). The turn's webhooks and the message's vector are written by then.
  const qualify = !conversation.preview && (Boolean(data.conversationId) || mayBeLead({ hasLead: Boolean(data.visitor), messages: [data.message] }));
  const afterReply = async () => {
    await Promise.all([
      embedded,
      qualify ? timeSpan("chat.requestLeadQualification", () => requestLeadQualification(ctx, { conversationId: conversation.id, cause: userMessage.id })) : undefined,
      webhooks.settled(),
    ]);
  };
  return { conversationId: conversation.id, userMessageId: userMessage.id, events: beforeDone(events, afterReply) };
}

/** What searching for a turn's answer needs of the bot. */
function turnSearch(bot: TurnBot, question: string): TurnSearch {
  return {
    question,
    knowledgeBaseIds: bot.knowledgeBases.map((link) => link.knowledgeBaseId),
    knowledgeBases: loadedKnowledgeBases(bot),
    settings: resolveAnswerSettings(bot.answerSettings),
  };
}

/** The turn's events, with `work` done right before `done` (a client may stop reading at `done`). */
async function* beforeDone(events: AsyncGenerator<ChatEvent>, work: () => Promise<void>): AsyncGenerator<ChatEvent> {
  let ran = false;
  try {
    for await (const event of events) {
      if (event.type === "done" && !ran) {
        ran = true;
        await work();
      }
      yield event;
    }
  } finally {
    // A turn that ended without `done` (an error, a client gone) still gets its lead re-scored.
    if (!ran) await work();
  }
}

/**
 * What continueTurn needs of the bot (load it with `include: withKnowledgeBaseIds`). Loaded with
 * withKnowledgeBaseSettings (turn-bot.ts) instead, its knowledge bases' search settings come along and the search does not read them again.
 */
export type TurnBot = Bot & { knowledgeBases: { knowledgeBaseId: string; knowledgeBase?: SearchedKnowledgeBase }[] };
export const withKnowledgeBaseIds = { knowledgeBases: { select: { knowledgeBaseId: true } } } as const;

/**
 * The bot's side of a turn whose user message is already stored: a handoff (asked for, or already waiting for a
 * person), else a step of the booking dialogue (leads/booking), else an answer from the bot's knowledge. Web chat calls it right after storing the message; SMS and
 * WhatsApp call it from a worker step (`replyTo` marks the answer as the reply to that message).
 */
export async function continueTurn(
  ctx: ServiceContext,
  input: {
    bot: TurnBot;
    conversation: Conversation;
    question: string;
    questionMessageId: string;
    history: { role: "user" | "assistant"; content: string }[];
    requestHandoff?: boolean | undefined;
    startedAt: number;
    replyTo?: string;
    suggestHandoff?: HandoffSuggestion;
    /** The turn's search, started early (searchEarly); searched here when absent. */
    sources?: Promise<TurnSources> | undefined;
    /** The organization's model, when the caller is resolving it already (resolveChatModel). */
    model?: Promise<ActiveChatModel> | undefined;
    webhooks?: TurnWebhooks | undefined;
    /** The conversation was opened by this turn. */
    newConversation?: boolean | undefined;
  },
): Promise<AsyncGenerator<ChatEvent>> {
  const { bot, conversation } = input;
  const handoff = await timeSpan("chat.handoffTurn", () =>
    handoffTurn(ctx, {
      conversation,
      leadCapture: bot.leadCapture,
      message: input.question,
      requested: input.requestHandoff,
    }),
  );
  if (handoff) {
    await input.suggestHandoff; // the assessment finishes within the turn, though a handoff reply does not use it
    return handoff;
  }
  const booking = await timeSpan("chat.bookingTurn", () => bookingTurn(ctx, { bot, conversation, message: input.question, replyTo: input.replyTo }));
  if (booking) {
    await input.suggestHandoff; // as for a handoff: finished within the turn, unused by the booking reply
    return booking;
  }
  return answer(ctx, {
    ...turnSearch(bot, input.question),
    conversation,
    botId: bot.id,
    leadCapture: bot.leadCapture,
    followUps: bot.followUps,
    systemPrompt: bot.systemPrompt,
    questionMessageId: input.questionMessageId,
    history: input.history,
    startedAt: input.startedAt,
    replyTo: input.replyTo,
    suggestHandoff: input.suggestHandoff,
    sources: input.sources,
    model: input.model,
    webhooks: input.webhooks,
    newConversation: input.newConversation,
  });
}

async function* answer(ctx: ServiceContext, turn: Turn): AsyncGenerator<ChatEvent> {
  let final: Extract<AnswerEvent, { type: "done" }> | undefined;
  let answerMode: AnswerMode = "extractive";
  let sources: SearchResult[] = [];
  let applied: AppliedExpansion[] = [];
  let knownVectors: ReadonlyMap<string, Uint8Array | null> | undefined;
  try {
    // The organization's model is read while the knowledge is searched (or since the turn started).
    const model = turn.model ?? timeSpan("chat.resolveChatModel", () => resolveChatModel(ctx));
    model.catch(() => undefined);
    let searched: string;
    ({ question: searched, sources, applied, sentenceVectors: knownVectors } = await timeSpan("chat.awaitSearch", () => turn.sources ?? timeSpan("chat.search", () => searchTurnSources(ctx, turn))));
    const { chatModel, answerMode: mode } = await model;
    answerMode = mode;
    // Tools need a model to call them; the extractive path never loads them.
    const tools = chatModel ? await loadTools(ctx, turn) : [];
    const stream = generateAnswer({
      chatModel,
      embeddings: ctx.rag.embeddings.embeddings,
      // Extractive answers compare the question with the sources' sentences: their vectors were stored at ingestion.
      ...(chatModel ? {} : { sentenceVectors: await timeSpan("chat.loadSentenceVectors", () => loadSentenceVectors(ctx, sources, ctx.rag.embeddings.model, knownVectors, sourcesReadAtMost(searched))) }),
      // Extractive answers need the question's words in the sources: approved mappings say what its terms mean.
      // and read as the search read it (chat-speak written out, typos corrected); a chat model reads the visitor's own words.
      question: chatModel ? turn.question : applied.length === 0 ? searched : questionWithExpansions(searched, applied),
      history: turn.history,
      sources,
      systemPrompt: turn.systemPrompt,
      settings: turn.settings,
      tools,
    });
    const answering = performance.now();
    for await (const event of stream) {
      if (event.type === "done") addSpan("chat.answerQuestion", performance.now() - answering);
      if (event.type === "token") yield event;
      else if (event.type === "tool") await storeToolMessage(ctx, turn.conversation.id, event);
      else final = event;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    ctx.logger.error({ err: error, conversationId: turn.conversation.id, botId: turn.botId }, "answering failed");
    throw new AppError("unavailable", "The assistant could not answer right now; please try again", { cause: error });
  }
  if (!final) throw new AppError("internal", "The answer ended without a result");
  const expansionIds = [...new Set(applied.map((row) => row.id))];

  const afterAnswer = performance.now();
  // Stamped here so that the conversation is touched while the answer is written, not after.
  const answeredAt = new Date();
  const touched = timeSpan("chat.touchConversation", () => touchConversation(ctx, turn.conversation.id, answeredAt));
  touched.catch(() => undefined);
  const message = await ctx.prisma.message.create({
    data: {
      createdAt: answeredAt,
      organizationId: ctx.organizationId,
      conversationId: turn.conversation.id,
      role: "assistant",
      content: final.content,
      // Spelled out: Prisma's Json input type wants plain object literals, not the Citation interface.
      citations: final.citations.map(({ index, chunkId, documentId, title, snippet, score }) => ({ index, chunkId, documentId, title, snippet, score })),
      latencyMs: Math.round(performance.now() - turn.startedAt),
      promptTokens: final.usage?.promptTokens ?? null,
      completionTokens: final.usage?.completionTokens ?? null,
      metadata: {
        ...(turn.replyTo ? { inReplyTo: turn.replyTo } : {}),
        // Analytics counts outcomes; the learning loop judges the expansions this answer used.
        outcome: final.citations.length > 0 ? "answered" : "declined",
        // A remark ("this is useless") that found nothing is no unanswered question (see escalateIfUnanswered).
        ...(looksLikeQuestion(turn.question) ? {} : { asked: false }),
        ...(expansionIds.length > 0 ? { expansionIds } : {}),
      },
    },
  });
  addSpan("chat.storeAnswer", performance.now() - afterAnswer);
  if (turn.webhooks) turn.webhooks.messageCreated(message);
  // Independent of each other (none of them throws but the touch and the form): written at once.
  const [, , form] = await Promise.all([
    touched,
    turn.webhooks ? undefined : timeSpan("chat.emitMessageCreated", () => emitMessageCreated(ctx, message)),
    timeSpan("chat.addLeadFormIfDue", () => addLeadFormIfDue(ctx, {
      conversationId: turn.conversation.id,
      channel: turn.conversation.channel,
      leadCapture: turn.leadCapture,
      trigger: "turn",
    })),
  ]);
  const suggestHandoff = await timeSpan("chat.awaitAssessment", async () => turn.suggestHandoff);
  const suggestion = suggestHandoff ? await storeHandoffSuggestion(ctx, turn.conversation.id, suggestHandoff, turn.webhooks) : null;
  // The first answer of a conversation cannot be the last of several unanswered in a row.
  const escalation =
    suggestion || (turn.newConversation && UNANSWERED_IN_A_ROW > 1)
      ? null
      : await timeSpan("chat.escalateIfUnanswered", () => escalateIfUnanswered(ctx, turn.conversation, message));
  // Queued last, once the reply's own writes are done: in-process, their jobs start at once and would compete with them.
  // A member trying the bot in the admin gets answers only: no follow-ups, nothing learned (not traffic).
  if (!turn.conversation.preview) {
    const citedChunks = new Set(final.citations.map((citation) => citation.chunkId));
    const learning: AnsweredTurn = {
      botId: turn.botId,
      conversationId: turn.conversation.id,
      questionMessageId: turn.questionMessageId,
      question: turn.question,
      knowledgeBaseIds: turn.knowledgeBaseIds,
      sourceCount: sources.length,
      cited: sources.filter((source) => citedChunks.has(source.chunkId)),
      answerMessageId: message.id,
      appliedExpansionIds: expansionIds,
    };
    await Promise.all([
      timeSpan("chat.requestFollowUps", () => requestFollowUps(ctx, { conversationId: turn.conversation.id, answerMessageId: message.id, followUps: turn.followUps })),
      hasLessons(learning, { firstTurn: turn.newConversation === true }) ? timeSpan("chat.requestTurnLearning", () => requestTurnLearning(ctx, learning)) : undefined,
    ]);
  }
  yield {
    type: "done",
    conversationId: turn.conversation.id,
    messageId: message.id,
    message: final.content,
    citations: final.citations,
    status: escalation ? "handoff" : "open",
    followUps: [...(form ? [toVisitorMessage(form)] : []), ...(suggestion ? [toVisitorMessage(suggestion)] : []), ...(escalation ? [toVisitorMessage(escalation)] : [])],
    answerMode,
    ...(final.usage ? { usage: final.usage } : {}),
  };
}

/** The bot's tools for this turn; if they cannot be loaded the bot still answers, without them. */
async function loadTools(ctx: ServiceContext, turn: Turn): Promise<BoundTool[]> {
  try {
    const source = turn.conversation.channel === "voice" ? "voice" : "chat";
    return await bindBotTools(ctx, { source, botId: turn.botId, conversationId: turn.conversation.id });
  } catch (error) {
    ctx.logger.error({ err: error, botId: turn.botId }, "could not load the bot's tools; answering without them");
    return [];
  }
}

/** The history shows what the assistant did: one tool message per call, its result as content. */
async function storeToolMessage(ctx: ServiceContext, conversationId: string, event: Extract<AnswerEvent, { type: "tool" }>): Promise<void> {
  await ctx.prisma.message.create({
    data: {
      organizationId: ctx.organizationId,
      conversationId,
      role: "tool",
      content: event.result,
      metadata: {
        type: "tool_call",
        toolName: event.name,
        callId: event.callId,
        arguments: redactSecretLookingKeys(event.arguments ?? {}) as object,
        ok: event.ok,
      },
    },
  });
}

/** After a second frustrated turn: the bot offers a person (the visitor still decides). */
async function storeHandoffSuggestion(ctx: ServiceContext, conversationId: string, language: SentimentLanguage, webhooks: TurnWebhooks | undefined) {
  const message = await ctx.prisma.message.create({
    data: { organizationId: ctx.organizationId, conversationId, role: "assistant", content: HANDOFF_SUGGESTION[language], metadata: { type: "handoff_suggestion" } },
  });
  if (webhooks) webhooks.messageCreated(message);
  else await emitMessageCreated(ctx, message);
  return message;
}

async function touchConversation(ctx: ServiceContext, conversationId: string, at: Date): Promise<void> {
  await ctx.prisma.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: at } });
}

/** The bot's knowledge bases with their search settings, when every link was loaded with them. */
function loadedKnowledgeBases(bot: TurnBot): SearchedKnowledgeBase[] | undefined {
  const loaded = bot.knowledgeBases.flatMap((link) => (link.knowledgeBase ? [link.knowledgeBase] : []));
  return loaded.length === bot.knowledgeBases.length ? loaded : undefined;
}
