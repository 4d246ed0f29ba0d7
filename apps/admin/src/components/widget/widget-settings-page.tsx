"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmbedSnippet } from "@/components/bots/embed-snippet";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { WidgetPreview } from "./widget-preview";
import { WidgetSettingsForm } from "./widget-settings-form";

export function WidgetSettingsPage({ botId }: { botId: string }) {
  const trpc = useTRPC();
  const bot = useQuery(trpc.bots.get.queryOptions({ id: botId }));
  if (!bot.data) return <QueryState error={bot.error} />;

  return (
    <>
      <p className="small">
        <Link href={`/bots/${botId}`}>← {bot.data.name}</Link>
      </p>
      <h1>Chat widget</h1>
      <div className="grid-2">
        <WidgetSettingsForm bot={bot.data} />
        <div className="stack sticky">
          <WidgetPreview publicKey={bot.data.publicKey} version={bot.data.updatedAt} />
          <EmbedSnippet publicKey={bot.data.publicKey} />
        </div>
      </div>
    </>
  );
}
