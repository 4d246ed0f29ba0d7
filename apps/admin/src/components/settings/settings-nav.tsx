"use client";

import { TabNav } from "@/components/tab-nav";

const links = [
  { href: "/settings", label: "Answer model" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/members", label: "Members" },
];

export function SettingsNav() {
  return <TabNav links={links} />;
}
