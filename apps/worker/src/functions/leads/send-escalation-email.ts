import { sendEscalationEmail, type AppDeps, type ServiceContext } from "@frontdesk/core";
import { inngest } from "../../client";
import { escalationRequested } from "../../events";
import { callProvider } from "../provider-step";

/** leads/escalation.requested → the owner's escalation email (once per handoff request). */
export function createSendEscalationEmail(deps: AppDeps) {
  return inngest.createFunction(
    { id: "send-escalation-email", name: "Email the owner that a visitor asked for a person", triggers: [escalationRequested], retries: 4 },
    async ({ event, step }) => {
      const ctx: ServiceContext = { ...deps, organizationId: event.data.organizationId, actor: { type: "system" } };
      return step.run("email", () => callProvider(() => sendEscalationEmail(ctx, event.data)));
    },
  );
}
