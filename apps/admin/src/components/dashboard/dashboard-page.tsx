"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { BotFilter } from "@/components/conversations/bot-filter";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { ConversationsChart } from "./conversations-chart";
import { lastDays, type DateRange } from "./date-range";
import { FirstRunChecklist } from "./first-run-checklist";
import { KnowledgeGaps } from "./knowledge-gaps";
import { MappingReviewQueue } from "./mapping-review-queue";
import { OverviewNumbers } from "./overview-numbers";
import { PromptSuggestions } from "./prompt-suggestions";
import { RangePicker } from "./range-picker";
import { ToolSuccessTable } from "./tool-success-table";

/** The landing page: how the front desk is doing, what it could not answer, what it learned, and what to do next. */
export function DashboardPage() {
  const trpc = useTRPC();
  const [range, setRange] = useState<DateRange>(() => lastDays(30));
  const [botId, setBotId] = useState("");
  const bots = useQuery(trpc.bots.list.queryOptions());
  const checklist = useQuery(trpc.analytics.firstRun.queryOptions());
  const overview = useQuery(trpc.analytics.overview.queryOptions({ ...range, botId: botId || undefined }, { placeholderData: (previous) => previous }));
  const botNames = useMemo(() => new Map((bots.data ?? []).map((bot) => [bot.id, bot.name])), [bots.data]);

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1 style={{ margin: 0 }}>Dashboard</h1>
        <div className="row">
          <BotFilter bots={bots.data ?? []} value={botId} onChange={setBotId} />
          <RangePicker value={range} onChange={setRange} />
        </div>
      </div>
      {checklist.data && !checklist.data.complete && <FirstRunChecklist checklist={checklist.data} botId={bots.data?.[0]?.id} />}
      {!overview.data ? (
        <QueryState error={overview.error} />
      ) : (
        <>
          <OverviewNumbers overview={overview.data} />
          <section className="card">
            <h2>Conversations per day</h2>
            {overview.data.conversations.total === 0 && (
              <p className="muted small">No conversations in this range yet. Try the bot in its chat preview, then embed the widget on your site.</p>
            )}
            <ConversationsChart byDay={overview.data.conversations.byDay} />
          </section>
        </>
      )}
      <PromptSuggestions botId={botId || undefined} botNames={botNames} />
      <div className="grid-2">
        <KnowledgeGaps botId={botId || undefined} botNames={botNames} />
        <MappingReviewQueue botId={botId || undefined} />
      </div>
      {overview.data && <ToolSuccessTable tools={overview.data.tools} />}
    </div>
  );
}
