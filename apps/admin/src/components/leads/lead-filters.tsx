"use client";

import { BotFilter } from "@/components/conversations/bot-filter";
import { channelLabel } from "./lead-who";

export interface LeadFilterValues {
  tier: "" | "hot" | "warm" | "cold";
  channel: "" | keyof typeof channelLabel;
  botId: string;
  q: string;
}

/** Tier, channel, bot and a search over name / email / phone. */
export function LeadFilters({
  value,
  onChange,
  bots,
}: {
  value: LeadFilterValues;
  onChange: (next: LeadFilterValues) => void;
  bots: { id: string; name: string }[];
}) {
  return (
    <div className="row filters">
      <input
        type="search"
        aria-label="Search leads"
        placeholder="Name, email or phone"
        value={value.q}
        onChange={(event) => onChange({ ...value, q: event.target.value })}
        style={{ width: "14rem" }}
      />
      <select aria-label="Tier" value={value.tier} onChange={(event) => onChange({ ...value, tier: event.target.value as LeadFilterValues["tier"] })} style={{ width: "auto" }}>
        <option value="">Any tier</option>
        <option value="hot">Hot</option>
        <option value="warm">Warm</option>
        <option value="cold">Cold</option>
      </select>
      <select aria-label="Channel" value={value.channel} onChange={(event) => onChange({ ...value, channel: event.target.value as LeadFilterValues["channel"] })} style={{ width: "auto" }}>
        <option value="">Any channel</option>
        {Object.entries(channelLabel).map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </select>
      <BotFilter bots={bots} value={value.botId} onChange={(botId) => onChange({ ...value, botId })} />
    </div>
  );
}
