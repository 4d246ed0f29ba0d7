"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

/**
 * Which of the bot's knowledge bases receives the FAQ, shown only when the bot has several. The first one linked
 * (the bot's primary) is preselected, as the API does when none is named.
 */
export function GapKnowledgeBasePicker({ botId }: { botId: string }) {
  const trpc = useTRPC();
  const bot = useQuery(trpc.bots.get.queryOptions({ id: botId }));
  const bases = useQuery(trpc.knowledge.bases.list.queryOptions());
  const ids = bot.data?.knowledgeBaseIds ?? [];
  if (ids.length < 2 || !bases.data) return null;
  const names = new Map(bases.data.map((base) => [base.id, base.name]));
  return (
    <label>
      Knowledge base
      <select name="knowledgeBaseId" defaultValue={ids[0]}>
        {ids.map((id, index) => (
          <option key={id} value={id}>
            {names.get(id) ?? id}
            {index === 0 ? " (primary)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
