import { BotTools } from "@/components/integrations/bot-tools";

export const metadata = { title: "Bot tools · Frontdesk" };

export default async function BotToolsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <BotTools botId={id} />;
}
