"use client";

import Link from "next/link";
import { signUp } from "@/lib/auth-client";
import { ensureOrganization } from "@/lib/ensure-organization";
import { useTRPCClient } from "@/lib/trpc";
import { useAuthSubmit } from "./use-auth-submit";

export function SignUpForm() {
  const trpcClient = useTRPCClient();
  const { onSubmit, error, pending } = useAuthSubmit(async (form) => {
    const name = String(form.get("name")).trim();
    const organizationName = String(form.get("organizationName")).trim() || `${name}'s team`;
    await signUp({ name, email: String(form.get("email")), password: String(form.get("password")) });
    await ensureOrganization(trpcClient, organizationName);
    return "/";
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
      <label>
        Organization name
        <input name="organizationName" type="text" placeholder="Acme Inc." />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="row">
        <button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create account"}
        </button>
        <span className="muted small">
          Have an account? <Link href="/sign-in">Sign in</Link>
        </span>
      </div>
    </form>
  );
}
