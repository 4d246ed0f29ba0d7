import type { ServiceContext } from "../context";

/** The last `turns` user/assistant exchanges (before `before` when given), oldest first, for the model's context. */
export async function loadHistory(
  ctx: ServiceContext,
  conversationId: string,
  turns: number,
  before?: Date,
): Promise<{ role: "user" | "assistant"; content: string }[]> {
  if (turns <= 0) return [];
  const recent = await ctx.prisma.message.findMany({
    where: { conversationId, organizationId: ctx.organizationId, role: { in: ["user", "assistant"] }, ...(before ? { createdAt: { lt: before } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: turns * 2,
    select: { role: true, content: true },
  });
  return recent.reverse().map((m) => ({ role: m.role === "user" ? "user" : "assistant", content: m.content }));
}
