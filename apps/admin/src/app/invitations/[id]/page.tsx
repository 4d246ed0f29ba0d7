import { redirect } from "next/navigation";
import { AcceptInvitation } from "@/components/members/accept-invitation";
import { getSession } from "@/lib/get-session";

export const metadata = { title: "Invitation · Frontdesk" };

/** Outside the signed-in layout: the invitee may not belong to any organization yet. */
export default async function InvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await getSession())) redirect(`/sign-in?next=${encodeURIComponent(`/invitations/${id}`)}`);
  return (
    <div className="auth-wrap">
      <div className="card auth-card">
        <AcceptInvitation invitationId={id} />
      </div>
    </div>
  );
}
