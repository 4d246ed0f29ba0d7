"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { AnswerModelSection } from "./answer-model-section";
import { AnswerModeBadge } from "./answer-mode-badge";
import { SettingsNav } from "./settings-nav";
import { TokenUsageSection } from "./token-usage-section";

/**
 * Organization settings. Members see which answer mode is active; owners and admins may change the model. Everyone
 * sees the token usage.
 */
export function SettingsPage() {
  const trpc = useTRPC();
  const organization = useQuery(trpc.organization.current.queryOptions());
  if (!organization.data) return <QueryState error={organization.error} />;
  const canManage = organization.data.role !== "member";
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      {canManage ? (
        <AnswerModelSection />
      ) : (
        <section className="card">
          <h2>Answer model</h2>
          <AnswerModeBadge />
          <p className="muted small">Only owners and admins can change the answer model.</p>
        </section>
      )}
      <TokenUsageSection />
    </>
  );
}
