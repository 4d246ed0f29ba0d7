"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { QueryState } from "@/components/query-state";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useDebounced } from "@/lib/use-debounced";
import { ExportCsvButton } from "./export-csv-button";
import { LeadFilters, type LeadFilterValues } from "./lead-filters";
import { channelLabel, leadWho } from "./lead-who";
import { TierBadge } from "./tier-badge";

const PAGE = 25;
const POLL_MS = 10_000;

/** Leads newest first with their tier, filtered by tier, channel, bot and search; paged by cursor. */
export function LeadList() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<LeadFilterValues>({ tier: "", channel: "", botId: "", q: "" });
  // Cursors of the pages before this one, so "Previous" can go back.
  const [cursors, setCursors] = useState<string[]>([]);
  const q = useDebounced(filters.q.trim(), 300);
  const selected = {
    ...(filters.tier ? { tier: filters.tier } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.botId ? { botId: filters.botId } : {}),
    ...(q ? { q } : {}),
  };
  const cursor = cursors.at(-1);
  const leads = useQuery({ ...trpc.leads.list.queryOptions({ ...selected, limit: PAGE, ...(cursor ? { cursor } : {}) }), refetchInterval: POLL_MS });
  const bots = useQuery(trpc.bots.list.queryOptions());
  const botName = (id: string) => bots.data?.find((bot) => bot.id === id)?.name ?? "—";

  function changeFilters(next: LeadFilterValues) {
    setFilters(next);
    setCursors([]);
  }

  return (
    <section className="card">
      <div className="row" style={{ justifyContent: "space-between", flexWrap: "wrap" }}>
        <h2>Leads</h2>
        <ExportCsvButton filters={selected} />
      </div>
      <LeadFilters value={filters} onChange={changeFilters} bots={bots.data ?? []} />
      {!leads.data ? (
        <QueryState error={leads.error} />
      ) : leads.data.data.length === 0 ? (
        <p className="muted">{Object.keys(selected).length > 0 ? "No leads match these filters." : "No leads yet: they appear as visitors chat, text or call."}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="leads">
            <thead>
              <tr>
                <th>Lead</th>
                <th>Tier</th>
                <th>Score</th>
                <th>Why</th>
                <th>Channel</th>
                <th>Bot</th>
                <th>Updated</th>
              </tr>
            </thead>
            <tbody>
              {leads.data.data.map((lead) => (
                <tr key={lead.id} data-lead-tier={lead.tier ?? "none"}>
                  <td>
                    <Link href={`/leads/${lead.id}`}>{leadWho(lead) ?? "Unnamed visitor"}</Link>
                    {lead.name && (lead.email ?? lead.phone) && <div className="muted small">{lead.email ?? lead.phone}</div>}
                  </td>
                  <td>
                    <TierBadge tier={lead.tier} />
                  </td>
                  <td>{lead.score}</td>
                  <td className="small" style={{ minWidth: "12rem" }}>{lead.reasons.slice(0, 3).join(", ") || "—"}</td>
                  <td>{lead.channel ? channelLabel[lead.channel] : "—"}</td>
                  <td>{botName(lead.botId)}</td>
                  <td className="small">{formatDateTime(lead.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(cursors.length > 0 || leads.data?.nextCursor) && (
        <div className="row">
          <button type="button" className="secondary" disabled={cursors.length === 0} onClick={() => setCursors((previous) => previous.slice(0, -1))}>
            Previous
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!leads.data?.nextCursor}
            onClick={() => leads.data?.nextCursor && setCursors((previous) => [...previous, leads.data.nextCursor as string])}
          >
            Next
          </button>
        </div>
      )}
    </section>
  );
}
