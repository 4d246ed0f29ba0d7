"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { BotFilter } from "@/components/conversations/bot-filter";
import { QueryState } from "@/components/query-state";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { IntegrationsNav } from "./integrations-nav";

const POLL_MS = 5_000;

/** Every tool call (from chats and "Try it"), newest first, filtered by bot, tool and outcome. */
export function ToolCallLog() {
  const trpc = useTRPC();
  const [botId, setBotId] = useState("");
  const [toolName, setToolName] = useState("");
  const [outcome, setOutcome] = useState<"" | "ok" | "failed">("");
  const bots = useQuery(trpc.bots.list.queryOptions());
  const tools = useQuery(trpc.tools.list.queryOptions());
  const calls = useQuery({
    ...trpc.toolCalls.list.queryOptions({
      botId: botId || undefined,
      toolName: toolName || undefined,
      ok: outcome === "" ? undefined : outcome === "ok",
      limit: 50,
    }),
    refetchInterval: POLL_MS,
  });

  return (
    <>
      <h1>Tool calls</h1>
      <IntegrationsNav />
      <section className="card">
        <div className="row" style={{ marginBottom: "0.75rem" }}>
          <BotFilter bots={bots.data ?? []} value={botId} onChange={setBotId} />
          <select aria-label="Tool" value={toolName} onChange={(event) => setToolName(event.target.value)} style={{ width: "auto" }}>
            <option value="">All tools</option>
            {tools.data?.data.map((tool) => (
              <option key={tool.name} value={tool.name}>
                {tool.name}
              </option>
            ))}
          </select>
          <select
            aria-label="Outcome"
            value={outcome}
            onChange={(event) => setOutcome(event.target.value as "" | "ok" | "failed")}
            style={{ width: "auto" }}
          >
            <option value="">Any outcome</option>
            <option value="ok">Succeeded</option>
            <option value="failed">Failed</option>
          </select>
        </div>
        {!calls.data ? (
          <QueryState error={calls.error} />
        ) : calls.data.data.length === 0 ? (
          <p className="muted">No tool calls match.</p>
        ) : (
          <table data-testid="tool-calls">
            <thead>
              <tr>
                <th>When</th>
                <th>Tool</th>
                <th>Source</th>
                <th>Outcome</th>
                <th>Arguments → result</th>
              </tr>
            </thead>
            <tbody>
              {calls.data.data.map((call) => (
                <tr key={call.id} data-tool-call={call.toolName} data-ok={String(call.ok)}>
                  <td className="small">{formatDateTime(call.createdAt)}</td>
                  <td>
                    <code>{call.toolName}</code>
                  </td>
                  <td className="small">{call.source}</td>
                  <td>
                    <span className={`badge ${call.ok ? "ok" : "fail"}`}>{call.ok ? "ok" : "failed"}</span>
                    <div className="muted small">{call.durationMs} ms</div>
                    {call.error && <div className="error small">{call.error}</div>}
                  </td>
                  <td className="small">
                    <details>
                      <summary>details</summary>
                      <pre className="json">{JSON.stringify({ arguments: call.arguments, result: call.result }, null, 2)}</pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
