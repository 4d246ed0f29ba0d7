"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/query-state";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";

/** Recent deliveries to one endpoint with their outcome, polled while open. */
export function WebhookDeliveries({ endpointId }: { endpointId: string }) {
  const trpc = useTRPC();
  const deliveries = useQuery({ ...trpc.webhooks.deliveries.queryOptions({ id: endpointId, limit: 50 }), refetchInterval: 5_000 });
  if (!deliveries.data) return <QueryState error={deliveries.error} />;
  if (deliveries.data.length === 0) return <p className="muted small">No deliveries yet.</p>;
  return (
    <table className="compact" data-testid="webhook-deliveries">
      <thead>
        <tr>
          <th>When</th>
          <th>Event</th>
          <th>Status</th>
          <th>Attempts</th>
          <th>Response</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.data.map((delivery) => (
          <tr key={delivery.id}>
            <td className="small">{formatDateTime(delivery.createdAt)}</td>
            <td>
              <code>{delivery.event}</code>
            </td>
            <td>
              <span className={`badge ${delivery.status}`}>{delivery.status}</span>
            </td>
            <td>{delivery.attempts}</td>
            <td className="small">
              {delivery.lastStatusCode ?? "–"}
              {delivery.durationMs !== null && ` · ${delivery.durationMs} ms`}
              {delivery.lastError && <div className="error">{delivery.lastError}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
