import { ConversationDetail } from "@/components/conversations/conversation-detail";

export const metadata = { title: "Conversation · Frontdesk" };

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ConversationDetail id={id} />;
}
