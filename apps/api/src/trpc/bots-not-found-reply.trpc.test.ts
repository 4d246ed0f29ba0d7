import { NOT_FOUND_REPLIES } from "@frontdesk/rag";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTrpcTenant } from "../../test/support/trpc-tenant";
import type { AppRouter } from "./index";

// The bot's not-found reply as the admin's settings form sets it: over HTTP with a session cookie, the whole
// answerSettings sent back with the field's text (empty = the default). Extractive answers (no chat model), and an
// empty knowledge base, so every question is one nothing answers.
let tenant: Awaited<ReturnType<typeof startTrpcTenant>>;
let trpc: typeof tenant.trpc;
let botId: string;

beforeAll(async () => {
  tenant = await startTrpcTenant("not-found@example.com", "Not found salon");
  trpc = tenant.trpc;
  botId = tenant.org.defaultBotId;
});
afterAll(() => tenant?.close());

const ask = (message: string) => trpc.chat.send.mutate({ botId, message });

describe("bots.update answerSettings.notFoundReply and bots.notFoundReplyDefault over tRPC", () => {
  it("shows the default in the bot's widget language, English when it has none", async () => {
    expect(await trpc.bots.notFoundReplyDefault.query({ id: botId })).toEqual({ reply: NOT_FOUND_REPLIES.en });
    await trpc.bots.update.mutate({ id: botId, data: { appearance: { locale: "fr-CA" } } });
    expect(await trpc.bots.notFoundReplyDefault.query({ id: botId })).toEqual({ reply: NOT_FOUND_REPLIES.fr });
    await trpc.bots.update.mutate({ id: botId, data: { appearance: {} } });
  });

  it("stores the owner's reply trimmed, keeps the other answer settings, and chat says it", async () => {
    const saved = await trpc.bots.update.mutate({
      id: botId,
      data: { answerSettings: { topK: 5, notFoundReply: "  Not in our notes. Call 555 0101.  " } },
    });
    expect(saved.answerSettings).toEqual({ topK: 5, notFoundReply: "Not in our notes. Call 555 0101." });
    expect(await ask("Do you have a sauna in the basement?")).toMatchObject({ message: "Not in our notes. Call 555 0101.", citations: [] });
  });

  it("takes an empty or blank field as the default: stored unset, chat answers in the visitor's language", async () => {
    for (const empty of ["", "   \n "]) {
      const saved = await trpc.bots.update.mutate({ id: botId, data: { answerSettings: { topK: 5, notFoundReply: empty } } });
      expect(saved.answerSettings).toEqual({ topK: 5 });
    }
    const stored = await tenant.t.deps.prisma.bot.findUniqueOrThrow({ where: { id: botId }, select: { answerSettings: true } });
    expect(stored.answerSettings).toEqual({ topK: 5 });
    expect(await ask("Haben Sie eine Sauna im Keller?")).toMatchObject({ message: NOT_FOUND_REPLIES.de, citations: [] });
  });

  it("refuses a reply over 500 characters naming the field, and keeps the saved one", async () => {
    await trpc.bots.update.mutate({ id: botId, data: { answerSettings: { notFoundReply: "Call us." } } });
    const error = await trpc.bots.update
      .mutate({ id: botId, data: { answerSettings: { notFoundReply: "x".repeat(501) } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const data = (error as TRPCClientError<AppRouter>).data;
    expect(data?.httpStatus).toBe(422);
    expect(data?.fields).toEqual([{ field: "data.answerSettings.notFoundReply", message: "the not-found reply can be at most 500 characters" }]);
    expect((await trpc.bots.get.query({ id: botId })).answerSettings).toEqual({ notFoundReply: "Call us." });
    // 500 characters after trimming are fine.
    const longest = `  ${"y".repeat(500)}  `;
    expect((await trpc.bots.update.mutate({ id: botId, data: { answerSettings: { notFoundReply: longest } } })).answerSettings).toEqual({
      notFoundReply: "y".repeat(500),
    });
  });
});
