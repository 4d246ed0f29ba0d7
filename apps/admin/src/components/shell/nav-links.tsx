"use client";

import { useQuery } from "@tanstack/react-query";
import { TabNav } from "@/components/tab-nav";
import { useTRPC } from "@/lib/trpc";

const WAITING_POLL_MS = 10_000;

const links = [
  { href: "/", label: "Dashboard" },
  { href: "/bots", label: "Bots" },
  { href: "/knowledge", label: "Knowledge" },
  { href: "/conversations", label: "Conversations" },
  { href: "/leads", label: "Leads" },
  { href: "/calls", label: "Calls" },
  { href: "/integrations", label: "Integrations" },
  { href: "/settings", label: "Settings" },
];

export function NavLinks() {
  const trpc = useTRPC();
  // Conversations where a visitor asked for a person and nobody has taken it over yet.
  const waiting = useQuery({ ...trpc.conversations.waitingCount.queryOptions(), refetchInterval: WAITING_POLL_MS });
  const count = waiting.data?.waiting ?? 0;
  const withBadges = links.map((link) =>
    link.href === "/conversations" && count > 0
      ? {
          ...link,
          badge: (
            <span className="nav-badge" data-testid="waiting-count" title={`${count} waiting for a person`}>
              <span aria-hidden="true">{count}</span>
              <span className="visually-hidden"> ({count} waiting for a person)</span>
            </span>
          ),
        }
      : link,
  );
  return <TabNav links={withBadges} className="nav" prefix />;
}
