import { AdminOnly } from "@/components/admin-only";
import { WebhooksPage } from "@/components/integrations/webhooks-page";

export const metadata = { title: "Webhooks · Frontdesk" };

export default function Page() {
  return (
    <AdminOnly note="Only owners and admins manage webhooks.">
      <WebhooksPage />
    </AdminOnly>
  );
}
