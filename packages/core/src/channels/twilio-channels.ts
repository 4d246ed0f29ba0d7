import { twilioProvider, type IntegrationContext } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { integrationProviderContext } from "../integrations/provider-context";
import { unseal } from "../secrets";

export interface TwilioChannel {
  integrationId: string;
  config: twilioProvider.TwilioConfig;
  providerContext: IntegrationContext;
}

type ChannelDeps = Pick<ServiceContext, "prisma" | "keyring" | "config" | "organizationId">;

/**
 * The organization's enabled Twilio integrations with their decrypted settings (server-side only), oldest
 * first; `preferId` first when given. One whose stored settings no longer parse is skipped, not fatal.
 */
export async function loadTwilioChannels(ctx: ChannelDeps, preferId?: string): Promise<TwilioChannel[]> {
  const rows = await ctx.prisma.integration.findMany({
    where: { organizationId: ctx.organizationId, type: "twilio", enabled: true },
    orderBy: { createdAt: "asc" },
  });
  const ordered = preferId ? [...rows.filter((row) => row.id === preferId), ...rows.filter((row) => row.id !== preferId)] : rows;
  return ordered.flatMap((row) => {
    const parsed = twilioProvider.twilioConfigSchema.safeParse(unseal(ctx.keyring, row.encryptedConfig, row.id));
    if (!parsed.success) return [];
    return [{ integrationId: row.id, config: parsed.data, providerContext: integrationProviderContext(ctx.config, "twilio") }];
  });
}

/** Twilio webhooks for a bot are posted here (relative to PUBLIC_URL); the owner pastes it into Twilio. */
export const twilioWebhookPath = (botPublicKey: string) => `/api/webhooks/twilio/${encodeURIComponent(botPublicKey)}`;
