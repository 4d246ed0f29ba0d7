import {
  closeConversation,
  countWaitingConversations,
  getConversation,
  listConversations,
  listConversationsInput,
  releaseConversation,
  replyAsOperator,
  searchContacts,
  searchContactsInput,
  searchConversations,
  searchConversationsInput,
  similarConversations,
  similarConversationsInput,
  takeOverConversation,
} from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

const byId = z.object({ id: z.string().min(1) });

export const conversationsRouter = {
  /** Newest activity first; pass `nextCursor` back as `cursor` for the next page. */
  list: orgProcedure.input(listConversationsInput.optional()).query(({ ctx, input }) => listConversations(ctx.core, input ?? {})),
  /** Conversations waiting for a person (asked, nobody took over), for the navigation's badge. */
  waitingCount: orgProcedure.query(({ ctx }) => countWaitingConversations(ctx.core)),
  get: orgProcedure.input(byId).query(({ ctx, input }) => getConversation(ctx.core, input.id)),
  /** By meaning and words, best first, each with `score` and the `match`ing message. */
  search: orgProcedure.input(searchConversationsInput).query(({ ctx, input }) => searchConversations(ctx.core, input)),
  /** Other conversations closest in meaning to this one. */
  similar: orgProcedure.input(byId.merge(similarConversationsInput)).query(({ ctx, input }) => similarConversations(ctx.core, input.id, input)),
  /** Contacts (leads, else visitors) ranked by how close their conversations are to `q`. */
  contacts: orgProcedure.input(searchContactsInput).query(({ ctx, input }) => searchContacts(ctx.core, input)),
  /** Status handoff, assignee = signed-in user; the bot stops answering. Returns the conversation (no messages). */
  takeOver: orgProcedure.input(byId).mutation(({ ctx, input }) => takeOverConversation(ctx.core, input.id)),
  /** Sends `text` to the visitor as role operator (taking over if nobody has). Returns the stored message. */
  reply: orgProcedure
    .input(byId.extend({ text: z.string() }))
    .mutation(({ ctx, input }) => replyAsOperator(ctx.core, input.id, input.text)),
  /** Back to the bot: status open, assignee and handoff request cleared. Returns the conversation. */
  release: orgProcedure.input(byId).mutation(({ ctx, input }) => releaseConversation(ctx.core, input.id)),
  /** Resolved: status closed, out of the waiting count. Returns the conversation. */
  close: orgProcedure.input(byId).mutation(({ ctx, input }) => closeConversation(ctx.core, input.id)),
} satisfies TRPCRouterRecord;
