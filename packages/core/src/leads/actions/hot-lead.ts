import type { Lead } from "@frontdesk/db";
import type { ServiceContext } from "../../context";
import { notFound } from "../../errors";
import { readQualification, type Qualification } from "../qualification/schemas";

export interface HotLead {
  lead: Lead;
  qualification: Qualification;
  bot: { id: string; name: string; leadAlerts: unknown };
  organizationName: string;
  channel: string | null;
  /** The visitor's and the bot's messages, oldest first (at most the last 40). */
  transcript: { role: "visitor" | "agent" | "operator"; text: string }[];
  /** Who the lead is, in a few words: name, else email, else phone. */
  who: string;
  /** A few sentences for alerts and the CRM note, from the qualification (no model needed). */
  summary: string;
  /** The lead in the admin. */
  leadUrl: string;
}

/** Everything the hot-lead actions say about a lead, loaded once per step. */
export async function loadHotLead(ctx: ServiceContext, leadId: string): Promise<HotLead> {
  const lead = await ctx.prisma.lead.findFirst({
    where: { id: leadId, organizationId: ctx.organizationId },
    include: { bot: { select: { id: true, name: true, leadAlerts: true } }, organization: { select: { name: true } }, conversation: { select: { channel: true } } },
  });
  if (!lead) throw notFound("Lead");
  const messages = lead.conversationId
    ? await ctx.prisma.message.findMany({
        where: { organizationId: ctx.organizationId, conversationId: lead.conversationId, role: { in: ["user", "assistant", "operator"] } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 40,
        select: { role: true, content: true },
      })
    : [];
  const transcript = messages.reverse().map((m) => ({ role: m.role === "user" ? ("visitor" as const) : m.role === "operator" ? ("operator" as const) : ("agent" as const), text: m.content }));
  const qualification = readQualification(lead.qualification);
  const { bot, organization, conversation, ...row } = lead;
  const who = row.name ?? row.email ?? row.phone ?? "A visitor";
  return {
    lead: row,
    qualification,
    bot,
    organizationName: organization.name,
    channel: conversation?.channel ?? null,
    transcript,
    who,
    summary: summarize(row, qualification, transcript),
    leadUrl: `${ctx.config.adminUrl}/leads/${row.id}`,
  };
}

function summarize(lead: Lead, q: Qualification, transcript: HotLead["transcript"]): string {
  const wants = q.serviceInterest ? `wants ${q.serviceInterest}` : "wants to go ahead";
  const when = q.timeline ? ` (${q.timeline})` : "";
  const budget = q.budget ? `, budget ${q.budget}` : "";
  const lastWords = transcript.filter((line) => line.role === "visitor").at(-1)?.text;
  return [
    `${lead.name ?? "The visitor"} ${wants}${when}${budget}. Score ${lead.score}/100: ${lead.reasons.join(", ") || "no reasons recorded"}.`,
    lastWords ? `Last message: "${lastWords.slice(0, 300)}"` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** How to reach the lead, for the owner's SMS: phone and email when known. */
export function contactLine(lead: Lead): string {
  return [lead.phone, lead.email].filter(Boolean).join(" / ") || "no contact details yet";
}
