"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/integrations", label: "Integrations" },
  { href: "/integrations/actions", label: "Custom actions" },
  { href: "/integrations/tool-calls", label: "Tool calls" },
  { href: "/integrations/webhooks", label: "Webhooks" },
];

export function IntegrationsNav() {
  const pathname = usePathname();
  return (
    <nav className="subnav">
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={pathname === link.href ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
