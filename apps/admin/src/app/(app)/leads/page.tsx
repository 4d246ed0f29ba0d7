import { LeadList } from "@/components/leads/lead-list";

export const metadata = { title: "Leads · Frontdesk" };

export default function LeadsPage() {
  return <LeadList />;
}
