"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { QueryState } from "@/components/query-state";
import { channelLabel, leadWho } from "@/components/leads/lead-who";
import { TierBadge } from "@/components/leads/tier-badge";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { MessageLog } from "./message-log";
import { OperatorControls } from "./operator-controls";

const POLL_MS = 2_000;

/** One conversation, polled so visitor messages arrive while a person is handling it. */
export function ConversationDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const conversation = useQuery({ ...trpc.conversations.get.queryOptions({ id }), refetchInterval: POLL_MS });
  if (!conversation.data) return <QueryState error={conversation.error} />;
  const data = conversation.data;

  return (
    <>
      <p className="small">
        <Link href="/conversations">← Conversations</Link>
      </p>
      <h1 className="row">
        <span>{data.preview ? "Preview chat" : (leadWho(data.lead) ?? "Conversation")}</span>
        {data.lead?.tier && <TierBadge tier={data.lead.tier} />}
      </h1>
      {data.lead && (
        <p className="small">
          <Link href={`/leads/${data.lead.id}`}>Lead details</Link>
          {data.lead.email && ` · ${data.lead.email}`}
          {data.lead.phone && ` · ${data.lead.phone}`}
        </p>
      )}
      <p className="muted small" data-testid="conversation-status" data-status={data.status}>
        {channelLabel[data.channel]} · started {formatDateTime(data.createdAt)} · status <strong>{data.status}</strong>
        {data.handoffRequestedAt && ` · person requested ${formatDateTime(data.handoffRequestedAt)}`}
      </p>
      <section className="card">
        <MessageLog messages={data.messages} />
        <OperatorControls conversationId={data.id} status={data.status} />
      </section>
    </>
  );
}
