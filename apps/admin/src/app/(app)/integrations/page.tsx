import { IntegrationsPage } from "@/components/integrations/integrations-page";

export const metadata = { title: "Integrations · Frontdesk" };

export default function Page() {
  return <IntegrationsPage />;
}
