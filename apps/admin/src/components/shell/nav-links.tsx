"use client";

import { TabNav } from "@/components/tab-nav";

const links = [
  { href: "/", label: "Dashboard" },
  { href: "/bots", label: "Bots" },
  { href: "/knowledge", label: "Knowledge" },
  { href: "/conversations", label: "Conversations" },
  { href: "/calls", label: "Calls" },
  { href: "/integrations", label: "Integrations" },
  { href: "/settings", label: "Settings" },
];

export function NavLinks() {
  return <TabNav links={links} className="nav" prefix />;
}
