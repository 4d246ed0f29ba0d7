"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signUp } from "@/lib/auth-client";
import { ensureOrganization } from "@/lib/ensure-organization";
import { errorMessage } from "@/lib/errors";
import { useTRPCClient } from "@/lib/trpc";

export function SignUpForm() {
  const router = useRouter();
  const trpcClient = useTRPCClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name")).trim();
    const organizationName = String(form.get("organizationName")).trim() || `${name}'s team`;
    setPending(true);
    setError(null);
    try {
      await signUp({ name, email: String(form.get("email")), password: String(form.get("password")) });
      await ensureOrganization(trpcClient, organizationName);
      router.replace("/bots");
      router.refresh();
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  }

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
