import { ToolCallLog } from "@/components/integrations/tool-call-log";

export const metadata = { title: "Tool calls · Frontdesk" };

export default function Page() {
  return <ToolCallLog />;
}
