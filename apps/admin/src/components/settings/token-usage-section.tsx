"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { lastDays, type DateRange } from "@/components/dashboard/date-range";
import { RangePicker } from "@/components/dashboard/range-picker";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";

const count = (value: number) => value.toLocaleString("en-US");

interface UsageRow {
  key: string;
  label: string;
  promptTokens: number;
  completionTokens: number;
  requests: number;
}

function UsageTable({ testId, label, rows }: { testId: string; label: string; rows: UsageRow[] }) {
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th>{label}</th>
            <th>Prompt</th>
            <th>Completion</th>
            <th>Answers</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.label}</td>
              <td>{count(row.promptTokens)}</td>
              <td>{count(row.completionTokens)}</td>
              <td>{count(row.requests)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Model tokens per bot and per day for a date range (the hourly token-usage rollup), for every member to read. */
export function TokenUsageSection() {
  const trpc = useTRPC();
  const [range, setRange] = useState<DateRange>(() => lastDays(30));
  const usage = useQuery(trpc.analytics.usage.queryOptions(range));
  const days = usage.data?.days.filter((day) => day.requests > 0).reverse() ?? [];
  const names = new Map(usage.data?.bots.map((bot) => [bot.botId, bot.name ?? "Deleted bot"]));
  return (
    <section className="card" data-testid="token-usage">
      <h2>Token usage</h2>
      <p className="muted small">Model tokens of every bot answer (updated hourly). Extractive answers use no model and count 0 tokens.</p>
      <RangePicker value={range} onChange={setRange} />
      {!usage.data ? (
        <QueryState error={usage.error} />
      ) : usage.data.totals.requests === 0 ? (
        <p className="muted small">No answers in this range.</p>
      ) : (
        <>
          <p data-testid="token-usage-totals">
            <strong>{count(usage.data.totals.promptTokens + usage.data.totals.completionTokens)}</strong> tokens ({count(usage.data.totals.promptTokens)} prompt,{" "}
            {count(usage.data.totals.completionTokens)} completion) over {count(usage.data.totals.requests)} answers
          </p>
          <UsageTable testId="token-usage-bots" label="Bot" rows={usage.data.bots.map((bot) => ({ key: bot.botId, label: names.get(bot.botId) ?? "", ...bot }))} />
          <UsageTable testId="token-usage-days" label="Day" rows={days.map((day) => ({ key: day.date, label: day.date, ...day }))} />
        </>
      )}
    </section>
  );
}
