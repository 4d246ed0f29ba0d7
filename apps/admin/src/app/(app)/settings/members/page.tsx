import { MembersPage } from "@/components/members/members-page";

export const metadata = { title: "Members · Frontdesk" };

export default function Page() {
  return <MembersPage />;
}
