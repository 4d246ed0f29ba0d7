import type { PrismaClient } from "@frontdesk/db";

const DAY_MS = 86_400_000;

/**
 * A few days of front-desk history for an organization's default bot, written straight to the database (the
 * dashboard reads it back through the API): 12 conversations on web, SMS and the admin's preview, their
 * answers (2 declined, 1 handoff, thumbs), tool calls, an unanswered question asked three ways, a pending
 * learned mapping and an approved one that keeps failing.
 */
export async function seedDashboardHistory(prisma: PrismaClient, organizationName: string) {
  const organization = await prisma.organization.findFirstOrThrow({ where: { name: organizationName } });
  const organizationId = organization.id;
  const bot = await prisma.bot.findFirstOrThrow({ where: { organizationId } });
  const knowledgeBase = await prisma.knowledgeBase.findFirstOrThrow({ where: { organizationId } });
  const now = Date.now();
  const channels = ["web", "web", "web", "web", "web", "web", "web", "web", "sms", "sms", "api", "api"] as const;

  let firstConversationId = "";
  for (const [index, channel] of channels.entries()) {
    const at = new Date(now - (index % 5) * DAY_MS - 3_600_000);
    const declined = index === 3 || index === 7;
    const conversation = await prisma.conversation.create({
      data: { organizationId, botId: bot.id, channel, createdAt: at, lastMessageAt: at, handoffRequestedAt: index === 5 ? at : null },
    });
    firstConversationId ||= conversation.id;
    await prisma.message.createMany({
      data: [
        { organizationId, conversationId: conversation.id, role: "user", content: declined ? "Where can I park my zafira?" : "When are you open?", createdAt: at },
        {
          organizationId,
          conversationId: conversation.id,
          role: "assistant",
          content: declined ? "Sorry, I don't know that." : "We are open 9 to 5.",
          metadata: { outcome: declined ? "declined" : "answered", ...(index === 1 ? { rating: "up" } : index === 2 ? { rating: "down" } : {}) },
          createdAt: new Date(at.getTime() + 1000),
        },
      ],
    });
  }

  await prisma.toolCall.createMany({
    data: [
      ...Array.from({ length: 5 }, (_, i) => ({ organizationId, botId: bot.id, toolName: "book_appointment", ok: i !== 0, durationMs: 200 + i * 50 })),
      ...Array.from({ length: 3 }, (_, i) => ({ organizationId, botId: bot.id, toolName: "hubspot_create_contact", ok: true, durationMs: 400 + i * 100 })),
    ],
  });

  await prisma.knowledgeGap.create({
    data: {
      organizationId,
      botId: bot.id,
      question: "Where can I park my zafira?",
      count: 3,
      lastAskedAt: new Date(now - 3_600_000),
      examples: ["Where can I park my zafira?", "is there parking for my car", "zafira parking?"],
    },
  });

  const pending = await prisma.queryExpansion.create({
    data: {
      organizationId,
      knowledgeBaseId: knowledgeBase.id,
      term: "zafira",
      expansions: ["car", "park"],
      source: "learned",
      status: "pending",
      confidence: 0.62,
      seenCount: 2,
      provenance: {
        examples: [{ conversationId: firstConversationId, failedQuery: "Where can I park my zafira?", answeredBy: "rephrase", answer: "Where can I park my car?" }],
      },
    },
  });
  const flagged = await prisma.queryExpansion.create({
    data: {
      organizationId,
      knowledgeBaseId: knowledgeBase.id,
      term: "lot",
      expansions: ["parking"],
      source: "learned",
      status: "approved",
      confidence: 0.4,
      timesUsed: 4,
      timesSuccessful: 1,
      provenance: { examples: [] },
    },
  });
  return { organizationId, bot, knowledgeBase, pendingMappingId: pending.id, flaggedMappingId: flagged.id };
}
