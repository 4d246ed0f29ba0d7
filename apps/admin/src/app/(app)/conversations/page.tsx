import { ConversationList } from "@/components/conversations/conversation-list";

export const metadata = { title: "Conversations · Frontdesk" };

export default async function ConversationsPage({ searchParams }: { searchParams: Promise<{ botId?: string }> }) {
  const { botId } = await searchParams;
  return <ConversationList initialBotId={botId} />;
}
