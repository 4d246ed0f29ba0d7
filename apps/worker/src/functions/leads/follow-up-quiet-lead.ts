import { planFollowUps, sendFollowUp, type AppDeps, type FollowUpOutcome, type ServiceContext } from "@frontdesk/core";
import { inngest } from "../../client";
import { followUpRequested, leadEngaged } from "../../events";
import { callProvider } from "../provider-step";

/**
 * leads/follow-up.requested (the bot answered) → the bot's follow-up sequence: for each step, wait (step.waitForEvent
 * with the step's delay as timeout) for the lead to write again or book (leads/conversation.engaged); if they do,
 * stop; if not, send the step's message. The deadlines come from the planned answer time, so a replayed run
 * waits for the same moments. sendFollowUp checks the conversation again before sending, in case the event was
 * missed (e.g. it came while this run was between steps).
 */
export function createFollowUpQuietLead(deps: AppDeps) {
  return inngest.createFunction(
    { id: "follow-up-quiet-lead", name: "Follow up with a lead who went quiet", triggers: [followUpRequested], retries: 3 },
    async ({ event, step }) => {
      const ctx: ServiceContext = { ...deps, organizationId: event.data.organizationId, actor: { type: "system" } };
      const { conversationId, afterMessageId } = event.data;
      const plan = await step.run("plan", () => planFollowUps(ctx, { conversationId, afterMessageId }));
      if (!plan) return { skipped: "no follow-ups for this conversation" };
      const sent: FollowUpOutcome[] = [];
      let deadline = plan.startedAt;
      for (const [index, delayMs] of plan.delaysMs.entries()) {
        deadline += delayMs;
        const engaged = await step.waitForEvent(`quiet-${index}`, { event: leadEngaged, match: "data.conversationId", timeout: new Date(deadline) });
        if (engaged) return { stopped: engaged.data.reason, sent };
        const outcome = await step.run(`send-${index}`, () => callProvider(() => sendFollowUp(ctx, { conversationId, afterMessageId, index })));
        sent.push(outcome);
        if (outcome.status === "stopped") return { stopped: outcome.reason, sent };
      }
      return { finished: true, sent };
    },
  );
}
