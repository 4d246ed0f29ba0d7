"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { MessageLog } from "@/components/conversations/message-log";
import { QueryState } from "@/components/query-state";
import { formatDateTime } from "@/lib/format";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";
import { channelLabel, leadWho } from "./lead-who";
import { TierBadge } from "./tier-badge";

type Lead = RouterOutputs["leads"]["get"];

const POLL_MS = 5_000;
const actionLabel: Record<string, string> = {
  sms_alert: "Owner SMS alert",
  email_alert: "Owner email alert",
  hubspot_contact: "HubSpot contact",
  hubspot_deal: "HubSpot deal",
  hubspot_note: "HubSpot note",
  salesforce_record: "Salesforce lead/contact",
  salesforce_task: "Salesforce task",
};

/** One lead: contact, qualification, why it scored so, how its tier changed, what was done, and the conversation. */
export function LeadDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const lead = useQuery({ ...trpc.leads.get.queryOptions({ id }), refetchInterval: POLL_MS });
  if (!lead.data) return <QueryState error={lead.error} />;
  const data = lead.data;

  return (
    <>
      <p className="small">
        <Link href="/leads">← Leads</Link>
      </p>
      <h1 className="row">
        <span>{leadWho(data) ?? "Unnamed visitor"}</span> <TierBadge tier={data.tier} />
      </h1>
      <p className="muted small" data-testid="lead-summary">
        Score <strong data-testid="lead-score">{data.score}</strong>/100 · {data.channel ? channelLabel[data.channel] : "no conversation"} · first seen{" "}
        {formatDateTime(data.createdAt)}
      </p>
      <div className="grid-2">
        <div className="stack">
          <Contact lead={data} />
          <Qualification lead={data} />
          <History lead={data} />
          {data.actions.length > 0 && <Actions lead={data} />}
        </div>
        {data.conversationId ? <LeadConversation conversationId={data.conversationId} /> : <p className="muted">The conversation was deleted.</p>}
      </div>
    </>
  );
}

function Contact({ lead }: { lead: Lead }) {
  return (
    <section className="card" data-testid="lead-contact">
      <h2>Contact</h2>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{lead.name ?? "—"}</dd>
        <dt>Email</dt>
        <dd>{lead.email ? <a href={`mailto:${lead.email}`}>{lead.email}</a> : "—"}</dd>
        <dt>Phone</dt>
        <dd>{lead.phone ? <a href={`tel:${lead.phone}`}>{lead.phone}</a> : "—"}</dd>
      </dl>
    </section>
  );
}

function Qualification({ lead }: { lead: Lead }) {
  const q = lead.qualification;
  return (
    <section className="card" data-testid="lead-qualification">
      <h2>Qualification</h2>
      <dl className="facts">
        <dt>Wants</dt>
        <dd>{q.serviceInterest ?? "—"}</dd>
        <dt>Urgency</dt>
        <dd>{q.urgency ?? "—"}</dd>
        <dt>Budget</dt>
        <dd>{q.budget ?? "—"}</dd>
        <dt>Timeline</dt>
        <dd>{q.timeline ?? "—"}</dd>
      </dl>
      <h3>Why this score</h3>
      {lead.reasons.length === 0 ? (
        <p className="muted small">No reasons recorded yet.</p>
      ) : (
        <ul className="plain-list" data-testid="lead-reasons">
          {lead.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function History({ lead }: { lead: Lead }) {
  return (
    <section className="card">
      <h2>Tier history</h2>
      {lead.history.length === 0 ? (
        <p className="muted small">Not scored yet.</p>
      ) : (
        <table data-testid="lead-history">
          <thead>
            <tr>
              <th>When</th>
              <th>Tier</th>
              <th>Score</th>
              <th>By</th>
            </tr>
          </thead>
          <tbody>
            {lead.history.map((change) => (
              <tr key={change.at + change.tier + change.score} title={change.reasons.join(", ")}>
                <td className="small">{formatDateTime(change.at)}</td>
                <td>
                  {change.previousTier ? `${change.previousTier} → ` : ""}
                  <TierBadge tier={change.tier} />
                </td>
                <td>{change.score}</td>
                <td className="small">{change.method === "model" ? "model" : "rules"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Actions({ lead }: { lead: Lead }) {
  return (
    <section className="card">
      <h2>Done about it</h2>
      <table data-testid="lead-actions">
        <tbody>
          {lead.actions.map((action) => (
            <tr key={action.kind + action.updatedAt}>
              <td>{actionLabel[action.kind] ?? action.kind}</td>
              <td>
                <span className={`badge ${action.status}`}>{action.status}</span>
                {action.lastError && <div className="error small">{action.lastError}</div>}
              </td>
              <td className="small muted">{formatDateTime(action.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LeadConversation({ conversationId }: { conversationId: string }) {
  const trpc = useTRPC();
  const conversation = useQuery({ ...trpc.conversations.get.queryOptions({ id: conversationId }), refetchInterval: POLL_MS });
  return (
    <section className="card">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2>Conversation</h2>
        <Link href={`/conversations/${conversationId}`}>Open in inbox</Link>
      </div>
      {conversation.data ? <MessageLog messages={conversation.data.messages} /> : <QueryState error={conversation.error} />}
    </section>
  );
}
