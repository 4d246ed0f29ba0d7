"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export interface TabLink {
  href: string;
  label: string;
  /** Shown after the label, e.g. a count of things waiting there. */
  badge?: ReactNode;
}

/**
 * A row of links marking the current one with aria-current. `prefix` also marks a link on its sub-pages (the
 * top bar); otherwise only the exact path counts (a page's tabs).
 */
export function TabNav({ links, className = "subnav", prefix = false }: { links: TabLink[]; className?: string; prefix?: boolean }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => pathname === href || (prefix && pathname.startsWith(`${href}/`));
  return (
    <nav className={className}>
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={isCurrent(link.href) ? "page" : undefined}>
          {link.label}
          {link.badge}
        </Link>
      ))}
    </nav>
  );
}
