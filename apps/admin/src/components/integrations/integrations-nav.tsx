"use client";

import { TabNav } from "@/components/tab-nav";

const links = [
  { href: "/integrations", label: "Integrations" },
  { href: "/integrations/actions", label: "Custom actions" },
  { href: "/integrations/tool-calls", label: "Tool calls" },
  { href: "/integrations/webhooks", label: "Webhooks" },
];

export function IntegrationsNav() {
  return <TabNav links={links} />;
}
