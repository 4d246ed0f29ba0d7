import { AdminOnly } from "@/components/admin-only";
import { BotTools } from "@/components/integrations/bot-tools";

export const metadata = { title: "Bot tools · Frontdesk" };

export default async function BotToolsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <AdminOnly note="Only owners and admins choose the tools a bot may use.">
      <BotTools botId={id} />
    </AdminOnly>
  );
}
