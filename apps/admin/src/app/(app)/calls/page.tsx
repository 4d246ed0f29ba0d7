import { CallList } from "@/components/calls/call-list";

export const metadata = { title: "Calls · Frontdesk" };

export default function CallsPage() {
  return <CallList />;
}
