/** How the admin names a lead or a visitor: name, else email, else phone. */
export function leadWho(lead: { name: string | null; email: string | null; phone: string | null } | null | undefined): string | null {
  return lead?.name ?? lead?.email ?? lead?.phone ?? null;
}

export const channelLabel: Record<"web" | "sms" | "whatsapp" | "voice" | "api", string> = {
  web: "Web chat",
  sms: "SMS",
  whatsapp: "WhatsApp",
  voice: "Phone",
  api: "API",
};
