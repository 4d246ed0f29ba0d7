import type { RouterOutputs } from "@/lib/trpc";

type Emailed = RouterOutputs["members"]["resendInvitation"]["email"];

/** Whether the invitation email went out, or why not (the link still works). */
export function EmailedNote({ emailed }: { emailed: Emailed }) {
  return (
    <p className={emailed.sent ? "notice small" : "muted small"} role="status" data-testid="invitation-emailed">
      {emailed.sent ? `Emailed to ${emailed.to}.` : `Not emailed: ${emailed.reason}.`}
    </p>
  );
}
