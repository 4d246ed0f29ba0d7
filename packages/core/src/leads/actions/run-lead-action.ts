import type { Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../../context";
import { classifyProviderFailure } from "../../integrations/provider-failure";

export type LeadActionKind =
  | "sms_alert"
  | "email_alert"
  | "hubspot_contact"
  | "hubspot_deal"
  | "hubspot_note"
  | "salesforce_record"
  | "salesforce_task";

export type LeadActionResult = Record<string, string | number | boolean | null>;

export type LeadActionOutcome = { status: "done"; result: LeadActionResult; repeated: boolean } | { status: "skipped"; reason: string };

/**
 * Does one thing about a lead at most once per trigger: the LeadAction row (unique per lead, trigger and kind)
 * remembers a success and its result, so a retried step or a replayed event returns that result instead of
 * texting, emailing or writing to the CRM again. Failures are counted on the row; one the provider will refuse
 * again is marked failed, others stay pending for the retry.
 */
export async function runLeadAction(
  ctx: ServiceContext,
  key: { leadId: string; trigger: string; kind: LeadActionKind },
  /** Gets the LeadAction row's id: the same on every try, a marker for providers that can look a write up by it. */
  perform: (action: { id: string }) => Promise<LeadActionResult>,
): Promise<LeadActionOutcome> {
  const unique = { leadId_trigger_kind: key };
  const row =
    (await ctx.prisma.leadAction.findUnique({ where: unique })) ??
    (await ctx.prisma.leadAction.create({ data: { organizationId: ctx.organizationId, ...key } }).catch(async (error: unknown) => {
      // Created by a concurrent run a moment ago.
      if ((error as { code?: unknown } | null)?.code !== "P2002") throw error;
      return ctx.prisma.leadAction.findUniqueOrThrow({ where: unique });
    }));
  if (row.status === "succeeded") return { status: "done", result: (row.result ?? {}) as LeadActionResult, repeated: true };
  await ctx.prisma.leadAction.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
  try {
    const result = await perform({ id: row.id });
    await ctx.prisma.leadAction.update({ where: { id: row.id }, data: { status: "succeeded", result: result as Prisma.InputJsonObject, lastError: null } });
    return { status: "done", result, repeated: false };
  } catch (error) {
    const failure = classifyProviderFailure(error);
    await ctx.prisma.leadAction.update({ where: { id: row.id }, data: { status: failure.retriable ? "pending" : "failed", lastError: failure.message.slice(0, 1000) } });
    throw error;
  }
}
