import { LiveCall } from "@/components/calls/live-call";

export const metadata = { title: "Call · Frontdesk" };

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <LiveCall id={id} />;
}
