import { BotDetail } from "@/components/bots/bot-detail";

export const metadata = { title: "Bot · Frontdesk" };

export default async function BotPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <BotDetail id={id} />;
}
