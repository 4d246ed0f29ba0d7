import type { RouterOutputs } from "@/lib/trpc";

type Overview = RouterOutputs["analytics"]["overview"];

const percent = (rate: number) => `${Math.round(rate * 100)}%`;
const duration = (seconds: number) => (seconds >= 60 ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s` : `${Math.round(seconds)} s`);

function Stat({ label, value, hint }: { label: string; value: string | number; hint?: string }) {
  return (
    <div className="stat-tile" data-testid={`stat-${label.toLowerCase().replace(/[^a-z]+/g, "-")}`}>
      <span className="muted small">{label}</span>
      <strong>{value}</strong>
      {hint && <span className="muted small">{hint}</span>}
    </div>
  );
}

/** The overview's headline numbers: conversations, answers, resolution, leads, calls and learning. */
export function OverviewNumbers({ overview }: { overview: Overview }) {
  const { conversations, answers, leads, calls, learning } = overview;
  const channels = Object.entries(conversations.byChannel)
    .filter(([, count]) => count > 0)
    .map(([channel, count]) => `${channel} ${count}`)
    .join(" · ");
  return (
    <div className="stat-grid">
      <Stat label="Conversations" value={conversations.total} hint={channels || undefined} />
      <Stat label="Resolution rate" value={percent(answers.resolutionRate)} hint="answered, no handoff, no thumbs down" />
      <Stat label="Answered" value={answers.answered} hint={`${answers.declined} declined`} />
      <Stat label="Handoffs" value={answers.handoffs} />
      <Stat label="Thumbs" value={`${answers.thumbsUp} up · ${answers.thumbsDown} down`} />
      <Stat label="Leads" value={leads.hot + leads.warm + leads.cold} hint={`${leads.hot} hot · ${leads.warm} warm · ${leads.cold} cold`} />
      <Stat label="Calls" value={calls.total} hint={calls.total > 0 ? `avg ${duration(calls.avgDurationSeconds)} · ${percent(calls.successRate)} successful` : undefined} />
      <Stat label="Learning" value={`${learning.proposed} proposed`} hint={`${learning.approved} approved · ${learning.rejected} rejected · ${learning.gapsOpen} gaps open`} />
    </div>
  );
}
