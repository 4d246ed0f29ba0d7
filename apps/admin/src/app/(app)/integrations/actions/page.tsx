import { ActionsPage } from "@/components/integrations/actions-page";

export const metadata = { title: "Custom actions · Frontdesk" };

export default function Page() {
  return <ActionsPage />;
}
