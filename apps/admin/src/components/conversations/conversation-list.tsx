"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { QueryState } from "@/components/query-state";
import { formatDateTime } from "@/lib/format";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";
import { channelLabel, leadWho } from "@/components/leads/lead-who";
import { TierBadge } from "@/components/leads/tier-badge";
import { BotFilter } from "./bot-filter";

const POLL_MS = 5_000;
type Status = RouterOutputs["conversations"]["list"]["data"][number]["status"];

/** Newest activity first; polled so new chats and handoff requests show up without a reload. */
export function ConversationList({ initialBotId }: { initialBotId?: string }) {
  const trpc = useTRPC();
  const [botId, setBotId] = useState(initialBotId ?? "");
  const [status, setStatus] = useState<"" | "waiting" | Status>("");
  // The owner's own try-it chats from the bot page are left out unless asked for.
  const [withPreviews, setWithPreviews] = useState(false);
  const conversations = useQuery({
    ...trpc.conversations.list.queryOptions({
      botId: botId || undefined,
      ...(status === "waiting" ? { waiting: "true" as const } : status ? { status } : {}),
      preview: withPreviews ? "include" : "exclude",
      limit: 50,
    }),
    refetchInterval: POLL_MS,
  });
  const bots = useQuery(trpc.bots.list.queryOptions());
  // Phone calls happening now, by their conversation: those rows get a live indicator linking to the live view.
  const liveCalls = useQuery({ ...trpc.calls.list.queryOptions({ status: "in-progress", limit: 100 }), refetchInterval: POLL_MS });
  const liveCallOf = (conversationId: string) => liveCalls.data?.data.find((call) => call.conversationId === conversationId);
  const botName = (id: string) => bots.data?.find((bot) => bot.id === id)?.name ?? id;

  return (
    <section className="card">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2>Conversations</h2>
        <div className="row">
          <select aria-label="Status" value={status} onChange={(event) => setStatus(event.target.value as "" | "waiting" | Status)} style={{ width: "auto" }}>
            <option value="">Any status</option>
            <option value="waiting">Waiting for a person</option>
            <option value="handoff">Waiting for / with a person</option>
            <option value="open">With the bot</option>
            <option value="closed">Closed</option>
          </select>
          <BotFilter bots={bots.data ?? []} value={botId} onChange={setBotId} />
          <label className="checkbox small">
            <input type="checkbox" checked={withPreviews} onChange={(event) => setWithPreviews(event.target.checked)} />
            Show preview chats
          </label>
        </div>
      </div>
      {!conversations.data ? (
        <QueryState error={conversations.error} />
      ) : conversations.data.data.length === 0 ? (
        <p className="muted">{status || botId ? "No conversations match." : "No conversations yet."}</p>
      ) : (
        <table data-testid="conversations">
          <thead>
            <tr>
              <th>Who</th>
              <th>Last activity</th>
              <th>Bot</th>
              <th>Channel</th>
              <th>Status</th>
              <th>Messages</th>
            </tr>
          </thead>
          <tbody>
            {conversations.data.data.map((conversation) => (
              <tr key={conversation.id} data-conversation-status={conversation.status} data-preview={conversation.preview}>
                <td>
                  <Link href={`/conversations/${conversation.id}`}>
                    {conversation.preview ? "Preview chat" : (leadWho(conversation.lead) ?? (conversation.channel === "web" ? "Website visitor" : (conversation.visitorId ?? "Visitor")))}
                  </Link>{" "}
                  {conversation.lead?.tier && <TierBadge tier={conversation.lead.tier} />}
                </td>
                <td className="small">{formatDateTime(conversation.lastMessageAt)}</td>
                <td>{botName(conversation.botId)}</td>
                <td>
                  {channelLabel[conversation.channel]}
                  {liveCallOf(conversation.id) && (
                    <>
                      {" "}
                      <Link href={`/calls/${liveCallOf(conversation.id)!.id}`} className="badge live" data-testid="live-call">
                        ● live call
                      </Link>
                    </>
                  )}
                </td>
                <td>
                  <span className={`badge ${conversation.status}`}>
                    {conversation.status === "handoff" ? (conversation.assigneeId ? "with a person" : "wants a person") : conversation.status}
                  </span>
                </td>
                <td>{conversation.messageCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
