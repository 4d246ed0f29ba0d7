import { twilioProvider } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { loadEnabledIntegrations, type EnabledIntegration } from "../integrations/load-enabled-integrations";

export type TwilioChannel = EnabledIntegration<twilioProvider.TwilioConfig>;

/** The organization's enabled Twilio integrations with their decrypted settings, `preferId` first. */
export function loadTwilioChannels(ctx: Pick<ServiceContext, "prisma" | "keyring" | "config" | "organizationId">, preferId?: string): Promise<TwilioChannel[]> {
  return loadEnabledIntegrations(ctx, "twilio", twilioProvider.twilioConfigSchema, preferId);
}

/** Twilio webhooks for a bot are posted here (relative to PUBLIC_URL); the owner pastes it into Twilio. */
export const twilioWebhookPath = (botPublicKey: string) => `/api/webhooks/twilio/${encodeURIComponent(botPublicKey)}`;
