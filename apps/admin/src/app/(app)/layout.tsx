import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getSession } from "@/lib/get-session";
import { publicUrl } from "@/lib/server-env";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  return (
    <AppShell user={session.user} publicUrl={publicUrl()}>
      {children}
    </AppShell>
  );
}
