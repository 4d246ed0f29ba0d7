import { SettingsPage } from "@/components/settings/settings-page";

export const metadata = { title: "Settings · Frontdesk" };

export default function Page() {
  return <SettingsPage />;
}
