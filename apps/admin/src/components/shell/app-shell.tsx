"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth-client";
import { useTRPC } from "@/lib/trpc";
import { CreateOrganization } from "./create-organization";
import { NavLinks } from "./nav-links";
import { PublicUrlContext } from "./public-url";
import { SignOutButton } from "./sign-out-button";

export function AppShell({ user, publicUrl, children }: { user: SessionUser; publicUrl: string; children: ReactNode }) {
  const trpc = useTRPC();
  const organization = useQuery(trpc.organization.current.queryOptions());

  return (
    <PublicUrlContext value={publicUrl}>
      <header className="topbar">
        <span className="brand">Frontdesk</span>
        <NavLinks />
        <div className="account">
          <span className="org-name" data-testid="org-name">
            {organization.data?.name ?? ""}
          </span>
          <span className="small">{user.email}</span>
          <SignOutButton />
        </div>
      </header>
      <main className="page">
        {organization.isPending ? (
          <p className="muted">Loading…</p>
        ) : organization.data ? (
          children
        ) : (
          <CreateOrganization defaultName={`${user.name}'s team`} />
        )}
      </main>
    </PublicUrlContext>
  );
}
