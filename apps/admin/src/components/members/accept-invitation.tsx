"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/** Shows who invited the signed-in user to which organization, and joins it. */
export function AcceptInvitation({ invitationId }: { invitationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const invitation = useQuery({ ...trpc.members.invitation.queryOptions({ invitationId }), retry: false });
  const accept = useMutation(
    trpc.members.accept.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        router.replace("/");
        router.refresh();
      },
    }),
  );

  if (invitation.error) {
    return (
      <>
        <h1>Invitation</h1>
        <p className="error" role="alert">
          {errorMessage(invitation.error)}
        </p>
        <p className="muted small">The invitation may have expired or been cancelled, or it was sent to another email address than the one you are signed in with.</p>
        <SignOutButton />
      </>
    );
  }
  if (!invitation.data) return <p className="muted">Loading…</p>;
  const { organizationName, inviterEmail, role, email } = invitation.data;
  return (
    <>
      <h1>Join {organizationName}</h1>
      <p>
        {inviterEmail} invited <strong>{email}</strong> to {organizationName} as <strong>{role}</strong>.
      </p>
      {accept.error && <p className="error" role="alert">{errorMessage(accept.error)}</p>}
      <button type="button" disabled={accept.isPending} onClick={() => accept.mutate({ invitationId })}>
        Join {organizationName}
      </button>
    </>
  );
}
