"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import Link from "next/link";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { CallControls } from "./call-controls";
import { formatDuration, LIVE_STATUSES } from "./call-status";
import { LiveTranscript } from "./live-transcript";
import { useLiveCall } from "./use-live-call";

/** One call: live transcript and status pushed from the API, controls while it runs, tool latency per tool. */
export function LiveCall({ id }: { id: string }) {
  const trpc = useTRPC();
  const { call, events, error } = useLiveCall(id);
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.calls.get.queryOptions({ id }));
  // Tool latency is re-read when the live call's tool counts or status change.
  const toolCalls = call?.toolCallsCount;
  const status = call?.status;
  useEffect(() => {
    void queryClient.invalidateQueries(trpc.calls.get.queryFilter({ id }));
  }, [queryClient, trpc, id, toolCalls, status]);
  if (!call) return <QueryState error={error} />;
  const live = LIVE_STATUSES.has(call.status);
  return (
    <>
      <p className="small">
        <Link href="/calls">← Calls</Link>
      </p>
      <h1>Call {call.customerNumber ? `with ${call.customerNumber}` : ""}</h1>
      <p className="muted small" data-testid="call-status" data-status={call.status} data-sentiment={call.userSentiment ?? ""}>
        {live ? <span className="badge live">● live</span> : <span className="badge">{call.status}</span>} · caller mood <strong>{call.userSentiment ?? "—"}</strong> · duration{" "}
        {formatDuration(call.durationSeconds)} · tools {call.toolCallsCount} ({call.toolErrorsCount} failed) · interventions {call.interventionCount}
        {call.endedReason && ` · ended: ${call.endedReason}`}
      </p>
      {call.summary && <p data-testid="call-summary">{call.summary}</p>}
      <section className="card">
        <LiveTranscript events={events} />
        <CallControls call={call} />
      </section>
      {detail.data && detail.data.toolLatency.length > 0 && (
        <section className="card">
          <h2>Tool latency</h2>
          <table data-testid="tool-latency">
            <thead>
              <tr>
                <th>Tool</th>
                <th>Calls</th>
                <th>Failed</th>
                <th>p50</th>
                <th>p99</th>
              </tr>
            </thead>
            <tbody>
              {detail.data.toolLatency.map((tool) => (
                <tr key={tool.toolName}>
                  <td>{tool.toolName}</td>
                  <td>{tool.calls}</td>
                  <td>{tool.errors}</td>
                  <td>{tool.p50Ms} ms</td>
                  <td>{tool.p99Ms} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
