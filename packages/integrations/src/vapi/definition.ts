import { defineIntegration } from "../define";
import { vapiConfigSchema, type VapiConfig } from "./config";
import { vapiAssistants } from "./vapi-client";

/**
 * A Vapi account. No tools of its own: with it a bot can be linked to a Vapi assistant (its server URL, secret,
 * tools and custom knowledge base pointed at the bot), see @frontdesk/core voice/link-vapi-assistant.
 */
export const vapiIntegration = defineIntegration<VapiConfig>({
  id: "vapi",
  name: "Vapi",
  description: "Phone calls: link a bot to a Vapi assistant so calls are answered from the bot's knowledge and tools.",
  configSchema: vapiConfigSchema,
  async testConnection(config, ctx) {
    const assistants = await vapiAssistants(config, ctx).list();
    return { ok: true, detail: `${assistants.length} assistant${assistants.length === 1 ? "" : "s"}` };
  },
  actions: [],
});
