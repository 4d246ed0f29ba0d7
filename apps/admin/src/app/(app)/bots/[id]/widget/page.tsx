import { WidgetSettingsPage } from "@/components/widget/widget-settings-page";

export const metadata = { title: "Chat widget · Frontdesk" };

export default async function BotWidgetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <WidgetSettingsPage botId={id} />;
}
