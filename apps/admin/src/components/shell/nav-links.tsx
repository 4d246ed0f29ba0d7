"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/bots", label: "Bots" },
  { href: "/knowledge", label: "Knowledge" },
  { href: "/conversations", label: "Conversations" },
  { href: "/integrations", label: "Integrations" },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav className="nav">
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={pathname.startsWith(link.href) ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
