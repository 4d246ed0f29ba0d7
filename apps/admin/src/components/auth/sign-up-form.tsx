"use client";

import Link from "next/link";
import { signUp } from "@/lib/auth-client";
import { ensureOrganization } from "@/lib/ensure-organization";
import { withNext } from "@/lib/safe-next-path";
import { useTRPCClient } from "@/lib/trpc";
import { useAuthSubmit } from "./use-auth-submit";

/** `next`: where to go after; an invitation link (`/invitations/…`) joins that organization instead of creating one. */
export function SignUpForm({ next }: { next: string }) {
  const trpcClient = useTRPCClient();
  const joining = next.startsWith("/invitations/");
  const { onSubmit, error, pending } = useAuthSubmit(async (form) => {
    const name = String(form.get("name")).trim();
    await signUp({ name, email: String(form.get("email")), password: String(form.get("password")) });
    if (!joining) await ensureOrganization(trpcClient, String(form.get("organizationName")).trim() || `${name}'s team`);
    return next;
  });

  return (
    <form onSubmit={onSubmit}>
      <h1>Create your account</h1>
      <label>
        Your name
        <input name="name" type="text" autoComplete="name" required />
      </label>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="new-password" minLength={8} required />
      </label>
      {joining ? (
        <p className="muted small">Use the email address the invitation was sent to.</p>
      ) : (
        <label>
          Organization name
          <input name="organizationName" type="text" placeholder="Acme Inc." />
        </label>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="row">
        <button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create account"}
        </button>
        <span className="muted small">
          Have an account? <Link href={withNext("/sign-in", next)}>Sign in</Link>
        </span>
      </div>
    </form>
  );
}
