import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSession } from "@/lib/get-session";

async function isSignedIn(): Promise<boolean> {
  try {
    return (await getSession()) !== null;
  } catch {
    // API unreachable: still show the form; submitting it reports the problem.
    return false;
  }
}

export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await isSignedIn()) redirect("/");
  return (
    <div className="auth-wrap">
      <div className="card auth-card">{children}</div>
    </div>
  );
}
