"use client";

import Link from "next/link";
import { signIn } from "@/lib/auth-client";
import { withNext } from "@/lib/safe-next-path";
import { useAuthSubmit } from "./use-auth-submit";

export function SignInForm({ next }: { next: string }) {
  const { onSubmit, error, pending } = useAuthSubmit(async (form) => {
    await signIn({ email: String(form.get("email")), password: String(form.get("password")) });
    return next;
  });

  return (
    <form onSubmit={onSubmit}>
      <h1>Sign in</h1>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="row">
        <button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
        <span className="muted small">
          No account? <Link href={withNext("/sign-up", next)}>Create one</Link>
        </span>
      </div>
    </form>
  );
}
