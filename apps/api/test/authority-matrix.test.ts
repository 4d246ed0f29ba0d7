import { AppError, createApiKey, requiredRole, type AuthSession, type ServiceContext } from "@frontdesk/core";
import type { MemberRole } from "@frontdesk/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/trpc/root";
import { createCallerFactory } from "../src/trpc/trpc";
import { client, createTenant, createTestApi, type Tenant } from "./support/test-api";

// Tenant isolation and roles, for every route. The routes are enumerated from what the app serves (the REST
// OpenAPI document, the tRPC router's procedure record), so a new route is covered as soon as it exists and this
// test fails until it has a sample input below. One database, seeded once.

let t: Awaited<ReturnType<typeof createTestApi>>;
let a: Tenant;
let b: Tenant;
let memberKey: string;
const ids: Record<string, string> = {};

type Sample = { path?: string; body?: unknown; query?: string; input?: unknown };
type Ids = Record<string, string>;

/** REST samples by "METHOD /route" (OpenAPI path); path params are organization A's objects. */
const rest: Record<string, (id: Ids) => Sample> = {
  "GET /knowledge/bases": () => ({}),
  "POST /knowledge/bases": () => ({ body: { name: "Intruder KB" } }),
  "GET /knowledge/bases/{id}": (id) => ({ path: `/knowledge/bases/${id.kb}` }),
  "PATCH /knowledge/bases/{id}": (id) => ({ path: `/knowledge/bases/${id.kb}`, body: { name: "Renamed" } }),
  "DELETE /knowledge/bases/{id}": (id) => ({ path: `/knowledge/bases/${id.kb}` }),
  "POST /knowledge/bases/{id}/documents": (id) => ({ path: `/knowledge/bases/${id.kb}/documents`, body: { title: "Injected", text: "Injected text" } }),
  "GET /knowledge/bases/{id}/documents": (id) => ({ path: `/knowledge/bases/${id.kb}/documents` }),
  "GET /knowledge/bases/{id}/documents/{docId}": (id) => ({ path: `/knowledge/bases/${id.kb}/documents/${id.doc}` }),
  "DELETE /knowledge/bases/{id}/documents/{docId}": (id) => ({ path: `/knowledge/bases/${id.kb}/documents/${id.doc}` }),
  "POST /knowledge/search": (id) => ({ body: { query: "opening hours", knowledgeBaseId: id.kb } }),
  "GET /knowledge/bases/{id}/stats": (id) => ({ path: `/knowledge/bases/${id.kb}/stats` }),
  "POST /knowledge/bases/{id}/clear": (id) => ({ path: `/knowledge/bases/${id.kb}/clear` }),
  "POST /knowledge/bases/{id}/faqs": (id) => ({ path: `/knowledge/bases/${id.kb}/faqs`, body: { question: "Injected?", answer: "Yes." } }),
  "POST /knowledge/bases/{id}/faqs/bulk": (id) => ({ path: `/knowledge/bases/${id.kb}/faqs/bulk`, body: { items: [{ question: "Bulk?", answer: "Yes." }] } }),
  "GET /knowledge/bases/{id}/faqs": (id) => ({ path: `/knowledge/bases/${id.kb}/faqs` }),
  "PATCH /knowledge/faqs/{documentId}": (id) => ({ path: `/knowledge/faqs/${id.faq}`, body: { answer: "Changed." } }),
  "DELETE /knowledge/faqs/{documentId}": (id) => ({ path: `/knowledge/faqs/${id.faq}` }),
  "POST /knowledge/documents/{documentId}/retry": (id) => ({ path: `/knowledge/documents/${id.doc}/retry` }),
  "GET /knowledge/bases/{id}/expansions": (id) => ({ path: `/knowledge/bases/${id.kb}/expansions` }),
  "PUT /knowledge/bases/{id}/expansions": (id) => ({ path: `/knowledge/bases/${id.kb}/expansions`, body: { term: "wifi", expansions: ["evil"] } }),
  "DELETE /knowledge/bases/{id}/expansions": (id) => ({ path: `/knowledge/bases/${id.kb}/expansions`, query: "term=wifi" }),
  "POST /knowledge/bases/{id}/expansions/{expansionId}/review": (id) => ({ path: `/knowledge/bases/${id.kb}/expansions/${id.expansion}/review`, body: { approved: false } }),
  "GET /knowledge-gaps": () => ({}),
  "GET /analytics/overview": (id) => ({ query: `botId=${id.bot}` }),
  "GET /usage": (id) => ({ query: `botId=${id.bot}` }),
  "POST /knowledge-gaps/{id}/answer": (id) => ({ path: `/knowledge-gaps/${id.gap}/answer`, body: { answer: "Injected answer." } }),
  "POST /knowledge-gaps/{id}/dismiss": (id) => ({ path: `/knowledge-gaps/${id.gap}/dismiss` }),
  "GET /suggestions": (id) => ({ query: `botId=${id.bot}` }),
  "POST /suggestions/generate": (id) => ({ body: { botId: id.bot } }),
  "POST /suggestions/{id}/dismiss": (id) => ({ path: `/suggestions/${id.suggestion}/dismiss` }),
  "POST /suggestions/{id}/done": (id) => ({ path: `/suggestions/${id.suggestion}/done` }),
  "POST /knowledge/bases/{id}/crawls": (id) => ({ path: `/knowledge/bases/${id.kb}/crawls`, body: { url: "https://example.com/" } }),
  "GET /knowledge/bases/{id}/crawls": (id) => ({ path: `/knowledge/bases/${id.kb}/crawls` }),
  "GET /knowledge/crawls/{crawlId}": (id) => ({ path: `/knowledge/crawls/${id.crawl}` }),
  "POST /knowledge/crawls/{crawlId}/cancel": (id) => ({ path: `/knowledge/crawls/${id.crawl}/cancel` }),
  "POST /bots": () => ({ body: { name: "Intruder bot" } }),
  "GET /bots": () => ({}),
  "GET /bots/{id}": (id) => ({ path: `/bots/${id.bot}` }),
  "PATCH /bots/{id}": (id) => ({ path: `/bots/${id.bot}`, body: { systemPrompt: "Obey the intruder", allowedOrigins: ["https://evil.example"] } }),
  "DELETE /bots/{id}": (id) => ({ path: `/bots/${id.bot}` }),
  "PUT /bots/{id}/knowledge-bases/{kbId}": (id) => ({ path: `/bots/${id.bot}/knowledge-bases/${id.kb}` }),
  "DELETE /bots/{id}/knowledge-bases/{kbId}": (id) => ({ path: `/bots/${id.bot}/knowledge-bases/${id.kb}` }),
  "POST /chat": (id) => ({ body: { botId: id.bot, message: "hello" } }),
  "GET /conversations": (id) => ({ query: `botId=${id.bot}` }),
  "GET /conversations/{id}": (id) => ({ path: `/conversations/${id.conversation}` }),
  "POST /conversations/{id}/replies": (id) => ({ path: `/conversations/${id.conversation}/replies`, body: { text: "Intruder reply" } }),
  "POST /conversations/{id}/take-over": (id) => ({ path: `/conversations/${id.conversation}/take-over` }),
  "POST /conversations/{id}/release": (id) => ({ path: `/conversations/${id.conversation}/release` }),
  "POST /conversations/{id}/close": (id) => ({ path: `/conversations/${id.conversation}/close` }),
  "GET /conversations/waiting-count": () => ({}),
  "GET /conversations/{id}/similar": (id) => ({ path: `/conversations/${id.conversation}/similar` }),
  "GET /contacts": () => ({ query: "q=intruder" }),
  "GET /leads": (id) => ({ query: `botId=${id.bot}` }),
  "GET /leads/export.csv": (id) => ({ query: `botId=${id.bot}` }),
  "GET /leads/{id}": (id) => ({ path: `/leads/${id.lead}` }),
  "GET /integrations/types": () => ({}),
  "GET /integrations": () => ({}),
  "POST /integrations": () => ({ body: { type: "webhook", name: "Intruder hook", config: { url: "https://example.com/x", secret: "s".repeat(20) }, skipTest: true } }),
  "GET /integrations/{id}": (id) => ({ path: `/integrations/${id.integration}` }),
  "PATCH /integrations/{id}": (id) => ({ path: `/integrations/${id.integration}`, body: { name: "Renamed", skipTest: true } }),
  "DELETE /integrations/{id}": (id) => ({ path: `/integrations/${id.integration}` }),
  "POST /integrations/{id}/test": (id) => ({ path: `/integrations/${id.integration}/test` }),
  "POST /integrations/{id}/sync": (id) => ({ path: `/integrations/${id.integration}/sync` }),
  "GET /actions": () => ({}),
  "POST /actions": () => ({ body: { name: "intruder_action", description: "x", parameters: { type: "object" }, endpoint: { url: "https://example.com/a" } } }),
  "GET /actions/{id}": (id) => ({ path: `/actions/${id.action}` }),
  "PATCH /actions/{id}": (id) => ({ path: `/actions/${id.action}`, body: { description: "changed" } }),
  "DELETE /actions/{id}": (id) => ({ path: `/actions/${id.action}` }),
  "POST /actions/{id}/invoke": (id) => ({ path: `/actions/${id.action}/invoke`, body: { arguments: {} } }),
  "GET /webhooks": () => ({}),
  "POST /webhooks": () => ({ body: { url: "https://example.com/w", events: ["message.created"] } }),
  "PATCH /webhooks/{id}": (id) => ({ path: `/webhooks/${id.webhook}`, body: { enabled: false } }),
  "DELETE /webhooks/{id}": (id) => ({ path: `/webhooks/${id.webhook}` }),
  "GET /webhooks/{id}/deliveries": (id) => ({ path: `/webhooks/${id.webhook}/deliveries` }),
  "GET /tools": () => ({}),
  "GET /bots/{id}/tools": (id) => ({ path: `/bots/${id.bot}/tools` }),
  "PUT /bots/{id}/tools": (id) => ({ path: `/bots/${id.bot}/tools`, body: { tools: [] } }),
  "GET /tool-calls": (id) => ({ query: `botId=${id.bot}` }),
  "GET /api-keys": () => ({}),
  "POST /api-keys": () => ({ body: { name: "Intruder key" } }),
  "DELETE /api-keys/{id}": (id) => ({ path: `/api-keys/${id.apiKey}` }),
  "GET /members": () => ({}),
  "PATCH /members/{id}": (id) => ({ path: `/members/${id.member}`, body: { role: "member" } }),
  "DELETE /members/{id}": (id) => ({ path: `/members/${id.member}` }),
  "GET /organization/model": () => ({}),
  "PUT /organization/model": () => ({ body: { provider: "none" } }),
  "POST /organization/model/test": () => ({ body: {} }),
  "GET /calls": (id) => ({ query: `botId=${id.bot}` }),
  "GET /calls/{id}": (id) => ({ path: `/calls/${id.call}` }),
  "GET /calls/{id}/events": (id) => ({ path: `/calls/${id.call}/events` }),
  "POST /calls/{id}/control": (id) => ({ path: `/calls/${id.call}/control`, body: { action: "end" } }),
  "GET /calls/{id}/live": (id) => ({ path: `/calls/${id.call}/live` }),
  "GET /bots/{id}/vapi": (id) => ({ path: `/bots/${id.bot}/vapi` }),
  "PUT /bots/{id}/vapi": (id) => ({ path: `/bots/${id.bot}/vapi`, body: { integrationId: id.integration } }),
  "DELETE /bots/{id}/vapi": (id) => ({ path: `/bots/${id.bot}/vapi` }),
  "GET /bots/{id}/vapi/files": (id) => ({ path: `/bots/${id.bot}/vapi/files` }),
  "PUT /bots/{id}/vapi/files": (id) => ({ path: `/bots/${id.bot}/vapi/files`, body: { integrationId: id.integration } }),
  "DELETE /bots/{id}/vapi/files": (id) => ({ path: `/bots/${id.bot}/vapi/files` }),
};

/** tRPC samples by procedure path. */
const trpc: Record<string, (id: Ids) => unknown> = {
  "organization.list": () => undefined,
  "organization.current": () => undefined,
  "organization.create": () => ({ name: "Intruder org" }),
  "organization.setActive": (id) => ({ organizationId: id.org }),
  "apiKeys.list": () => undefined,
  "apiKeys.create": () => ({ name: "Intruder key" }),
  "apiKeys.revoke": (id) => ({ id: id.apiKey }),
  "bots.list": () => undefined,
  "bots.get": (id) => ({ id: id.bot }),
  "bots.notFoundReplyDefault": (id) => ({ id: id.bot }),
  "bots.create": () => ({ name: "Intruder bot" }),
  "bots.update": (id) => ({ id: id.bot, data: { systemPrompt: "Obey the intruder" } }),
  "bots.delete": (id) => ({ id: id.bot }),
  "bots.linkKnowledgeBase": (id) => ({ botId: id.bot, knowledgeBaseId: id.kb }),
  "bots.unlinkKnowledgeBase": (id) => ({ botId: id.bot, knowledgeBaseId: id.kb }),
  "knowledge.bases.list": () => undefined,
  "knowledge.bases.get": (id) => ({ id: id.kb }),
  "knowledge.bases.create": () => ({ name: "Intruder KB" }),
  "knowledge.bases.update": (id) => ({ id: id.kb, data: { name: "Renamed" } }),
  "knowledge.bases.delete": (id) => ({ id: id.kb }),
  "knowledge.bases.stats": (id) => ({ id: id.kb }),
  "knowledge.bases.clear": (id) => ({ id: id.kb }),
  "knowledge.documents.list": (id) => ({ knowledgeBaseId: id.kb }),
  "knowledge.documents.get": (id) => ({ knowledgeBaseId: id.kb, documentId: id.doc }),
  "knowledge.documents.delete": (id) => ({ knowledgeBaseId: id.kb, documentId: id.doc }),
  "knowledge.documents.addText": (id) => ({ knowledgeBaseId: id.kb, title: "Injected", text: "Injected text" }),
  "knowledge.documents.addUrl": (id) => ({ knowledgeBaseId: id.kb, url: "https://example.com/page" }),
  "knowledge.documents.retry": (id) => ({ documentId: id.doc }),
  "knowledge.faqs.list": (id) => ({ knowledgeBaseId: id.kb }),
  "knowledge.faqs.get": (id) => ({ documentId: id.faq }),
  "knowledge.faqs.create": (id) => ({ knowledgeBaseId: id.kb, question: "Injected?", answer: "Yes." }),
  "knowledge.faqs.bulk": (id) => ({ knowledgeBaseId: id.kb, items: [{ question: "Bulk?", answer: "Yes." }] }),
  "knowledge.faqs.update": (id) => ({ documentId: id.faq, data: { answer: "Changed." } }),
  "knowledge.faqs.delete": (id) => ({ documentId: id.faq }),
  "knowledge.crawls.list": (id) => ({ knowledgeBaseId: id.kb }),
  "knowledge.crawls.start": (id) => ({ knowledgeBaseId: id.kb, url: "https://example.com/" }),
  "knowledge.crawls.get": (id) => ({ crawlId: id.crawl }),
  "knowledge.crawls.cancel": (id) => ({ crawlId: id.crawl }),
  "knowledge.expansions.list": (id) => ({ knowledgeBaseId: id.kb }),
  "knowledge.expansions.upsert": (id) => ({ knowledgeBaseId: id.kb, term: "wifi", expansions: ["evil"] }),
  "knowledge.expansions.delete": (id) => ({ knowledgeBaseId: id.kb, term: "wifi" }),
  "knowledge.expansions.review": (id) => ({ knowledgeBaseId: id.kb, expansionId: id.expansion, approved: false }),
  "knowledgeGaps.list": () => ({}),
  "analytics.overview": (id) => ({ botId: id.bot }),
  "analytics.usage": (id) => ({ botId: id.bot }),
  "knowledgeGaps.answer": (id) => ({ id: id.gap, answer: "Injected answer." }),
  "knowledgeGaps.dismiss": (id) => ({ id: id.gap }),
  "suggestions.list": (id) => ({ botId: id.bot }),
  "suggestions.generate": (id) => ({ botId: id.bot }),
  "suggestions.dismiss": (id) => ({ id: id.suggestion }),
  "suggestions.done": (id) => ({ id: id.suggestion }),
  "search.knowledge": (id) => ({ query: "opening hours", knowledgeBaseId: id.kb }),
  "chat.send": (id) => ({ botId: id.bot, message: "hello" }),
  "chat.stream": (id) => ({ botId: id.bot, message: "hello" }),
  "conversations.list": (id) => ({ botId: id.bot }),
  "conversations.get": (id) => ({ id: id.conversation }),
  "conversations.takeOver": (id) => ({ id: id.conversation }),
  "conversations.reply": (id) => ({ id: id.conversation, text: "Intruder reply" }),
  "conversations.release": (id) => ({ id: id.conversation }),
  "conversations.close": (id) => ({ id: id.conversation }),
  "conversations.waitingCount": () => undefined,
  "conversations.search": (id) => ({ q: "intruder", botId: id.bot }),
  "conversations.similar": (id) => ({ id: id.conversation }),
  "conversations.contacts": (id) => ({ q: "intruder", botId: id.bot }),
  "members.list": () => undefined,
  "members.invite": () => ({ email: "intruder@evil.example", role: "admin" }),
  "members.cancelInvitation": () => ({ invitationId: "inv_unknown" }),
  "members.resendInvitation": (id) => ({ invitationId: id.invitation }),
  "members.updateRole": (id) => ({ memberId: id.member, role: "member" }),
  "members.remove": (id) => ({ memberId: id.member }),
  "members.invitation": () => ({ invitationId: "inv_unknown" }),
  "members.accept": () => ({ invitationId: "inv_unknown" }),
  "knowledge.expansions.reviewQueue": (id) => ({ botId: id.bot }),
  "analytics.firstRun": () => undefined,
  "leads.list": (id) => ({ botId: id.bot }),
  "leads.get": (id) => ({ id: id.lead }),
  "leads.exportCsv": () => ({ tier: "hot" }),
  "integrations.types": () => undefined,
  "integrations.list": () => undefined,
  "integrations.get": (id) => ({ id: id.integration }),
  "integrations.create": () => ({ type: "webhook", name: "Intruder hook", config: { url: "https://example.com/x", secret: "s".repeat(20) }, skipTest: true }),
  "integrations.update": (id) => ({ id: id.integration, data: { name: "Renamed", skipTest: true } }),
  "integrations.delete": (id) => ({ id: id.integration }),
  "integrations.test": (id) => ({ id: id.integration }),
  "integrations.sync": (id) => ({ id: id.integration }),
  "actions.list": () => undefined,
  "actions.get": (id) => ({ id: id.action }),
  "actions.create": () => ({ name: "intruder_action", description: "x", parameters: { type: "object" }, endpoint: { url: "https://example.com/a" } }),
  "actions.update": (id) => ({ id: id.action, data: { description: "changed" } }),
  "actions.delete": (id) => ({ id: id.action }),
  "actions.invoke": (id) => ({ id: id.action, arguments: {} }),
  "webhooks.list": () => undefined,
  "webhooks.create": () => ({ url: "https://example.com/w", events: ["message.created"] }),
  "webhooks.update": (id) => ({ id: id.webhook, data: { enabled: false } }),
  "webhooks.delete": (id) => ({ id: id.webhook }),
  "webhooks.deliveries": (id) => ({ id: id.webhook }),
  "tools.list": () => undefined,
  "tools.forBot": (id) => ({ botId: id.bot }),
  "tools.setForBot": (id) => ({ botId: id.bot, tools: [] }),
  "toolCalls.list": (id) => ({ botId: id.bot }),
  "answerModel.mode": () => undefined,
  "answerModel.get": () => undefined,
  "answerModel.set": () => ({ provider: "none" }),
  "answerModel.test": () => ({}),
  "bots.vapiLink": (id) => ({ id: id.bot }),
  "bots.linkVapi": (id) => ({ id: id.bot, data: { integrationId: id.integration } }),
  "bots.unlinkVapi": (id) => ({ id: id.bot }),
  "bots.vapiFiles": (id) => ({ id: id.bot }),
  "bots.startVapiFiles": (id) => ({ id: id.bot, data: { integrationId: id.integration } }),
  "bots.stopVapiFiles": (id) => ({ id: id.bot }),
  "calls.list": (id) => ({ botId: id.bot }),
  "calls.get": (id) => ({ id: id.call }),
  "calls.events": (id) => ({ id: id.call }),
  "calls.control": (id) => ({ id: id.call, action: "end" }),
  "calls.live": (id) => ({ id: id.call }),
};

/** Everything organization A owns, minus bookkeeping that reads may touch (a key's lastUsedAt). */
async function snapshotOfA(): Promise<string> {
  const where = { where: { organizationId: a.organizationId }, orderBy: { id: "asc" as const } };
  const p = t.deps.prisma;
  const rows = {
    bots: await p.bot.findMany(where),
    knowledgeBases: await p.knowledgeBase.findMany(where),
    documents: await p.document.findMany(where),
    chunks: await p.chunk.count({ where: { organizationId: a.organizationId } }),
    conversations: await p.conversation.findMany(where),
    messages: await p.message.findMany(where),
    crawls: await p.crawl.findMany(where),
    expansions: await p.queryExpansion.findMany(where),
    knowledgeGaps: await p.knowledgeGap.findMany(where),
    suggestions: await p.promptSuggestion.findMany(where),
    failedRetrievals: await p.failedRetrieval.findMany(where),
    leads: await p.lead.findMany(where),
    integrations: await p.integration.findMany(where),
    actions: await p.customAction.findMany(where),
    botTools: await p.botTool.findMany({ where: { organizationId: a.organizationId }, orderBy: { toolName: "asc" } }),
    toolCalls: await p.toolCall.count({ where: { organizationId: a.organizationId } }),
    webhooks: await p.webhookEndpoint.findMany(where),
    calls: await p.call.findMany(where),
    callEvents: await p.callEvent.count({ where: { organizationId: a.organizationId } }),
    apiKeys: (await p.apiKey.findMany(where)).map(({ lastUsedAt: _used, ...key }) => key),
    memberships: await p.membership.findMany(where),
    invitations: await p.invitation.findMany(where),
  };
  return JSON.stringify(rows);
}

const containsAnyIdOfA = (text: string) => Object.entries(ids).filter(([name, value]) => name !== "org" && text.includes(value)).map(([name]) => name);

async function restRoutes(): Promise<Array<{ method: string; route: string }>> {
  const spec = (await (await t.app.request("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), route })));
}

function trpcProcedures(): Array<{ path: string; type: "query" | "mutation" | "subscription" }> {
  const record = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
  return Object.entries(record).map(([path, procedure]) => ({ path, type: procedure._def.type }));
}

function callRest(apiKey: string, method: string, route: string, sample: Sample) {
  return client(t.app, apiKey)(method, `/api/v1${sample.path ?? route}${sample.query ? `?${sample.query}` : ""}`, sample.body);
}

function caller(organizationId: string, role: MemberRole, core: ServiceContext) {
  return createCallerFactory(appRouter)({
    deps: t.deps,
    auth: t.deps.auth,
    headers: new Headers(),
    resHeaders: new Headers(),
    session: { user: { id: core.actor.type === "user" ? core.actor.userId : "x" }, session: { id: "s" } } as unknown as AuthSession,
    membership: { organizationId, role },
    core,
  });
}

/** Runs a procedure by its dotted path; a subscription is read until its first value or error. */
async function runProcedure(trpcCaller: ReturnType<typeof caller>, path: string, input: unknown): Promise<{ status: number; text: string }> {
  let target: unknown = trpcCaller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    let result = await (target as (input: unknown) => Promise<unknown>)(input);
    if (result && typeof result === "object" && Symbol.asyncIterator in result) {
      const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      const first = await iterator.next();
      await iterator.return?.();
      result = first.value;
    }
    return { status: 200, text: JSON.stringify(result ?? null) };
  } catch (error) {
    // A subscription's generator throws the service's AppError as it is read.
    if (error instanceof AppError) return { status: error.status, text: error.message };
    if (!(error instanceof TRPCError)) throw error;
    const status = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHORIZED: 401, UNPROCESSABLE_CONTENT: 422, BAD_REQUEST: 400, CONFLICT: 409 }[error.code as string] ?? 500;
    return { status, text: error.message };
  }
}

beforeAll(async () => {
  t = await createTestApi();
  a = await createTenant(t.deps, "Victim");
  b = await createTenant(t.deps, "Intruder");
  const call = client(t.app, a.apiKey);
  const json = async (response: Response | Promise<Response>) => {
    const res = await response;
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as Record<string, string>;
  };
  ids.org = a.organizationId;
  ids.bot = a.botId;
  ids.kb = a.knowledgeBaseId;
  ids.doc = (await json(call("POST", `/api/v1/knowledge/bases/${ids.kb}/documents`, { title: "Hours", text: "We open at 8am." }))).id!;
  ids.faq = (await json(call("POST", `/api/v1/knowledge/bases/${ids.kb}/faqs`, { question: "Pets?", answer: "Dogs welcome." }))).id!;
  ids.expansion = (await json(call("PUT", `/api/v1/knowledge/bases/${ids.kb}/expansions`, { term: "wifi", expansions: ["wireless"] }))).id!;
  ids.conversation = (await json(call("POST", "/api/v1/chat", { botId: ids.bot, message: "When do you open?", visitor: { email: "victim-lead@example.com" } }))).conversationId!;
  ids.integration = (await json(call("POST", "/api/v1/integrations", { type: "webhook", name: "Hook", config: { url: "https://example.com/h", secret: "x".repeat(20) }, skipTest: true }))).id!;
  ids.action = (await json(call("POST", "/api/v1/actions", { name: "log_lead", description: "Log", parameters: { type: "object" }, endpoint: { url: "https://example.com/l" } }))).id!;
  ids.webhook = (await json(call("POST", "/api/v1/webhooks", { url: "https://example.com/w", events: ["message.created"] }))).id!;
  ids.crawl = (await t.deps.prisma.crawl.create({ data: { organizationId: a.organizationId, knowledgeBaseId: ids.kb, startUrl: "https://example.com/", status: "running" } })).id;
  const callConversation = await t.deps.prisma.conversation.create({ data: { organizationId: a.organizationId, botId: ids.bot, channel: "voice" } });
  ids.call = (
    await t.deps.prisma.call.create({
      data: { organizationId: a.organizationId, botId: ids.bot, conversationId: callConversation.id, vapiCallId: "vapi-call-a", status: "in-progress", controlUrl: "http://127.0.0.1:9/control" },
    })
  ).id;
  ids.apiKey = (await t.deps.prisma.apiKey.findFirstOrThrow({ where: { organizationId: a.organizationId } })).id;
  ids.gap = (await t.deps.prisma.knowledgeGap.create({ data: { organizationId: a.organizationId, botId: ids.bot, question: "Do you have parking?", examples: ["Do you have parking?"] } })).id;
  ids.member = (await t.deps.prisma.membership.findFirstOrThrow({ where: { organizationId: a.organizationId } })).id;
  const inviterId = a.ctx.actor.type === "user" ? a.ctx.actor.userId : "";
  ids.invitation = (
    await t.deps.prisma.invitation.create({
      data: { id: "inv_victim", organizationId: a.organizationId, email: "new-hire@victim.example", role: "member", expiresAt: new Date(Date.now() + 86_400_000), inviterId },
    })
  ).id;
  ids.suggestion = (
    await t.deps.prisma.promptSuggestion.create({
      data: { organizationId: a.organizationId, botId: ids.bot, week: "2026-W49", kind: "knowledge_gap", key: `gap:${ids.gap}`, title: "Parking", detail: "Add an FAQ", evidence: { count: 2, examples: [], conversationIds: [] } },
    })
  ).id;
  memberKey = (await createApiKey(a.ctx, { name: "staff", role: "member" })).key;
  await t.deps.events.drain();
  ids.lead = (await t.deps.prisma.lead.findFirstOrThrow({ where: { organizationId: a.organizationId } })).id;
}, 180_000);
afterAll(() => t?.close());

describe("every route has a sample", () => {
  it("REST (from the served OpenAPI document) and tRPC (from the router's procedure record)", async () => {
    const missingRest = (await restRoutes()).map(({ method, route }) => `${method} ${route}`).filter((name) => !rest[name]);
    expect(missingRest, "add a sample for these REST routes in authority-matrix.test.ts").toEqual([]);
    const missingTrpc = trpcProcedures().map(({ path }) => path).filter((path) => !trpc[path]);
    expect(missingTrpc, "add a sample for these tRPC procedures in authority-matrix.test.ts").toEqual([]);
  });
});

describe("tenant isolation: organization B's credentials on organization A's objects", () => {
  it("REST: 404 for A's objects, never A's data, and A unchanged", async () => {
    const before = await snapshotOfA();
    const problems: string[] = [];
    for (const { method, route } of await restRoutes()) {
      const sample = rest[`${method} ${route}`]!(ids);
      const response = await callRest(b.apiKey, method, route, sample);
      const text = await response.text();
      const namesA = route.includes("{") || (sample.body && containsAnyIdOfA(JSON.stringify(sample.body)).length > 0) || (sample.query && containsAnyIdOfA(sample.query).length > 0);
      // A list filtered by another organization's id may answer an empty page: it reveals nothing.
      const emptyList = method === "GET" && !route.includes("{") && response.status === 200 && containsAnyIdOfA(text).length === 0;
      if (namesA && !emptyList && response.status !== 404) problems.push(`${method} ${route} → ${response.status}, expected 404`);
      const leaked = containsAnyIdOfA(text);
      if (leaked.length > 0 && !(response.status === 404)) problems.push(`${method} ${route} answered with A's ${leaked.join(", ")}`);
    }
    expect(problems).toEqual([]);
    expect(await snapshotOfA()).toBe(before);
  });

  it("tRPC: 404 for A's objects (403 for an organization B's user is not in), never A's data, and A unchanged", async () => {
    const before = await snapshotOfA();
    const asB = caller(b.organizationId, "owner", b.ctx);
    const problems: string[] = [];
    for (const { path, type } of trpcProcedures()) {
      const input = trpc[path]!(ids);
      const { status, text } = await runProcedure(asB, path, input);
      const namesA = input !== undefined && (containsAnyIdOfA(JSON.stringify(input)).length > 0 || JSON.stringify(input).includes(ids.org!));
      // A list filtered by another organization's id may answer an empty page: it reveals nothing.
      const emptyList = type === "query" && path.endsWith(".list") && status === 200 && containsAnyIdOfA(text).length === 0;
      if (namesA && !emptyList && status !== 404 && status !== 403) problems.push(`${path} → ${status}, expected 404`);
      const leaked = containsAnyIdOfA(text);
      if (leaked.length > 0 && status < 400) problems.push(`${path} answered with A's ${leaked.join(", ")}`);
    }
    expect(problems).toEqual([]);
    expect(await snapshotOfA()).toBe(before);
  });
});

describe("roles: a member of organization A", () => {
  it("REST: a member API key gets 403 on every admin-only route, and A is unchanged", async () => {
    const before = await snapshotOfA();
    const problems: string[] = [];
    const adminOnly = (await restRoutes()).filter(({ method, route }) => requiredRole({ transport: "rest", method, route }) === "admin");
    expect(adminOnly.length).toBeGreaterThanOrEqual(25);
    for (const { method, route } of adminOnly) {
      const response = await callRest(memberKey, method, route, rest[`${method} ${route}`]!(ids));
      if (response.status !== 403) problems.push(`${method} ${route} → ${response.status}, expected 403`);
    }
    expect(problems).toEqual([]);
    expect(await snapshotOfA()).toBe(before);
  });

  it("tRPC: a member's session gets 403 on every admin-only procedure, and A is unchanged", async () => {
    const before = await snapshotOfA();
    const member = caller(a.organizationId, "member", { ...a.ctx, actor: { type: "user", userId: "member-user", role: "member" } });
    const problems: string[] = [];
    const adminOnly = trpcProcedures().filter(({ path, type }) => !path.startsWith("organization.") && requiredRole({ transport: "trpc", path, type }) === "admin");
    expect(adminOnly.length).toBeGreaterThanOrEqual(25);
    for (const { path } of adminOnly) {
      const { status } = await runProcedure(member, path, trpc[path]!(ids));
      if (status !== 403) problems.push(`${path} → ${status}, expected 403`);
    }
    expect(problems).toEqual([]);
    expect(await snapshotOfA()).toBe(before);
  });

  it("can still read, chat, answer conversations and keep knowledge current", async () => {
    const member = client(t.app, memberKey);
    expect((await member("GET", `/api/v1/bots/${ids.bot}`)).status).toBe(200);
    expect((await member("POST", "/api/v1/chat", { botId: ids.bot, message: "hello" })).status).toBe(200);
    expect((await member("POST", `/api/v1/knowledge/bases/${ids.kb}/faqs`, { question: "Parking?", answer: "Free." })).status).toBe(201);
    expect((await member("POST", `/api/v1/conversations/${ids.conversation}/replies`, { text: "Hi, Sam here" })).status).toBe(201);
    expect((await member("GET", "/api/v1/api-keys")).status).toBe(403);
  });
});
