"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

/**
 * Whether the signed-in user is an owner or admin of the active organization (the API's role matrix lets members
 * read, chat, answer conversations and keep knowledge content current, nothing else). False until known, so
 * admin-only controls never flash for members.
 */
export function useCanManage(): boolean {
  const trpc = useTRPC();
  const organization = useQuery(trpc.organization.current.queryOptions());
  return organization.data != null && organization.data.role !== "member";
}
