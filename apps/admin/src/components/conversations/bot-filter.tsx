"use client";

/** "All bots" or one bot, as a select. */
export function BotFilter({
  bots,
  value,
  onChange,
}: {
  bots: { id: string; name: string }[];
  value: string;
  onChange: (botId: string) => void;
}) {
  return (
    <select aria-label="Bot" value={value} onChange={(event) => onChange(event.target.value)} style={{ width: "auto" }}>
      <option value="">All bots</option>
      {bots.map((bot) => (
        <option key={bot.id} value={bot.id}>
          {bot.name}
        </option>
      ))}
    </select>
  );
}
