import type { MemberRole } from "@frontdesk/db";

/**
 * Who may call what, for every transport, in one place. Reads are open to every member; changes need an admin
 * unless listed here as day-to-day work members do (keeping knowledge content current, answering conversations,
 * trying the bot). A route or procedure added later is admin-only until it is listed: the safe default.
 *
 * Members cannot: create, change or delete bots (system prompt, allowed origins, tools, knowledge links),
 * create, change, clear or delete knowledge bases, manage API keys, integrations, custom actions or webhooks,
 * or invoke actions by hand. Owners can do everything admins can, and are the only ones who may issue owner keys
 * (createApiKey).
 */
const memberMutations = {
  trpc: [
    "knowledge.documents.addText",
    "knowledge.documents.addUrl",
    "knowledge.documents.retry",
    "knowledge.documents.delete",
    "knowledge.faqs.create",
    "knowledge.faqs.bulk",
    "knowledge.faqs.update",
    "knowledge.faqs.delete",
    "knowledge.crawls.start",
    "knowledge.crawls.cancel",
    "knowledge.expansions.upsert",
    "knowledge.expansions.delete",
    "knowledge.expansions.review",
    "knowledgeGaps.answer",
    "knowledgeGaps.dismiss",
    "suggestions.dismiss",
    "suggestions.done",
    "chat.send",
    "chat.stream",
    "conversations.takeOver",
    "conversations.reply",
    "conversations.release",
    "calls.control",
    // The invitee joins with the role the invitation names; better-auth checks the invitation is theirs.
    "members.accept",
  ],
  rest: [
    "POST /knowledge/bases/{id}/documents",
    "DELETE /knowledge/bases/{id}/documents/{docId}",
    "POST /knowledge/documents/{documentId}/retry",
    "POST /knowledge/bases/{id}/faqs",
    "POST /knowledge/bases/{id}/faqs/bulk",
    "PATCH /knowledge/faqs/{documentId}",
    "DELETE /knowledge/faqs/{documentId}",
    "POST /knowledge/bases/{id}/crawls",
    "POST /knowledge/crawls/{crawlId}/cancel",
    "PUT /knowledge/bases/{id}/expansions",
    "DELETE /knowledge/bases/{id}/expansions",
    "POST /knowledge/bases/{id}/expansions/{expansionId}/review",
    // Answering a gap adds an FAQ: keeping knowledge current.
    "POST /knowledge-gaps/{id}/answer",
    "POST /knowledge-gaps/{id}/dismiss",
    // Settling a weekly suggestion is triage, like dismissing a gap (acting on it is where the roles apply).
    "POST /suggestions/{id}/dismiss",
    "POST /suggestions/{id}/done",
    // Searching and chatting are POSTs that change nothing an admin owns.
    "POST /knowledge/search",
    "POST /chat",
    "POST /conversations/{id}/replies",
    "POST /conversations/{id}/take-over",
    "POST /conversations/{id}/release",
    // Steering a live call is answering a conversation.
    "POST /calls/{id}/control",
    // The admin's streaming upload (apps/api/src/admin/upload-route.ts).
    "POST /api/admin/knowledge/bases/{id}/documents",
  ],
} as const;

/** Reads that reveal what only admins manage. */
const adminReads = {
  trpc: ["apiKeys.list", "answerModel.get"],
  rest: ["GET /api-keys", "GET /organization/model"],
} as const;

export type Operation =
  | { transport: "trpc"; path: string; type: "query" | "mutation" | "subscription" }
  /** `route` as the OpenAPI document names it, relative to /api/v1: "/bots/{id}". */
  | { transport: "rest"; method: string; route: string };

const memberAllowed = { trpc: new Set<string>(memberMutations.trpc), rest: new Set<string>(memberMutations.rest) };
const adminOnlyReads = { trpc: new Set<string>(adminReads.trpc), rest: new Set<string>(adminReads.rest) };

function key(operation: Operation): { name: string; isRead: boolean } {
  if (operation.transport === "trpc") return { name: operation.path, isRead: operation.type === "query" };
  const method = operation.method.toUpperCase();
  return { name: `${method} ${operation.route}`, isRead: method === "GET" || method === "HEAD" };
}

/** The least role that may perform the operation. */
export function requiredRole(operation: Operation): MemberRole {
  const { name, isRead } = key(operation);
  if (isRead) return adminOnlyReads[operation.transport].has(name) ? "admin" : "member";
  return memberAllowed[operation.transport].has(name) ? "member" : "admin";
}

/** The member allowlist, for docs and tests. */
export const MEMBER_MUTATIONS = memberMutations;
