import { AdminOnly } from "@/components/admin-only";
import { ActionsPage } from "@/components/integrations/actions-page";

export const metadata = { title: "Custom actions · Frontdesk" };

export default function Page() {
  return (
    <AdminOnly note="Only owners and admins create, change and run custom actions.">
      <ActionsPage />
    </AdminOnly>
  );
}
