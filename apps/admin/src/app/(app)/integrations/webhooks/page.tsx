import { WebhooksPage } from "@/components/integrations/webhooks-page";

export const metadata = { title: "Webhooks · Frontdesk" };

export default function Page() {
  return <WebhooksPage />;
}
