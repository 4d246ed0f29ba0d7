"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";

export function BotList() {
  const trpc = useTRPC();
  const bots = useQuery(trpc.bots.list.queryOptions());
  if (!bots.data) return <QueryState error={bots.error} />;

  return (
    <div className="card">
      {bots.data.length === 0 ? (
        <p className="muted">No bots yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Public key</th>
              <th>Knowledge bases</th>
            </tr>
          </thead>
          <tbody>
            {bots.data.map((bot) => (
              <tr key={bot.id}>
                <td>
                  <Link href={`/bots/${bot.id}`}>{bot.name}</Link>
                </td>
                <td>
                  <code>{bot.publicKey}</code>
                </td>
                <td>{bot.knowledgeBaseIds.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
