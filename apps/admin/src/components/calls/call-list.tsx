"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { QueryState } from "@/components/query-state";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { formatDuration, LIVE_STATUSES } from "./call-status";

const POLL_MS = 5_000;

/** Phone calls, newest first; live ones are marked and open the live view. */
export function CallList() {
  const trpc = useTRPC();
  const calls = useQuery({ ...trpc.calls.list.queryOptions({ limit: 50 }), refetchInterval: POLL_MS });
  return (
    <section className="card">
      <h2>Calls</h2>
      {!calls.data ? (
        <QueryState error={calls.error} />
      ) : calls.data.data.length === 0 ? (
        <p className="muted">No calls yet. Point a Vapi assistant at a bot's server URL (docs/voice.md).</p>
      ) : (
        <table data-testid="calls">
          <thead>
            <tr>
              <th>Started</th>
              <th>Caller</th>
              <th>Status</th>
              <th>Duration</th>
              <th>Sentiment</th>
              <th>Tools (errors)</th>
            </tr>
          </thead>
          <tbody>
            {calls.data.data.map((call) => (
              <tr key={call.id} data-call-status={call.status}>
                <td>
                  <Link href={`/calls/${call.id}`}>{call.startedAt ? formatDateTime(call.startedAt) : call.vapiCallId}</Link>
                </td>
                <td>{call.customerNumber ?? "—"}</td>
                <td>
                  {LIVE_STATUSES.has(call.status) ? <span className="badge live" data-testid="live-indicator">● live</span> : <span className="badge">{call.status}</span>}
                </td>
                <td>{formatDuration(call.durationSeconds)}</td>
                <td>{call.userSentiment ?? "—"}</td>
                <td>
                  {call.toolCallsCount} ({call.toolErrorsCount})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
