import { LeadDetail } from "@/components/leads/lead-detail";

export const metadata = { title: "Lead · Frontdesk" };

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <LeadDetail id={id} />;
}
