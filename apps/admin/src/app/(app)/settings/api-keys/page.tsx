import { ApiKeysPage } from "@/components/settings/api-keys-page";

export const metadata = { title: "API keys · Frontdesk" };

export default function Page() {
  return <ApiKeysPage />;
}
