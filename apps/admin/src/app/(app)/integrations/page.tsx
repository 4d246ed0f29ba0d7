import { AdminOnly } from "@/components/admin-only";
import { IntegrationsPage } from "@/components/integrations/integrations-page";

export const metadata = { title: "Integrations · Frontdesk" };

export default function Page() {
  return (
    <AdminOnly note="Only owners and admins connect and manage integrations.">
      <IntegrationsPage />
    </AdminOnly>
  );
}
