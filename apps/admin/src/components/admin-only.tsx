"use client";

import type { ReactNode } from "react";
import { useCanManage } from "@/lib/use-can-manage";

/**
 * Controls only owners and admins may use (the API refuses them to members with 403 anyway): members see `note`
 * instead, or nothing.
 */
export function AdminOnly({ children, note }: { children: ReactNode; note?: string }) {
  if (useCanManage()) return children;
  return note ? (
    <p className="muted small" data-testid="admin-only-note">
      {note}
    </p>
  ) : null;
}
