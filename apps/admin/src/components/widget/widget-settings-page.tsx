"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { AdminOnly } from "@/components/admin-only";
import { EmbedSnippet } from "@/components/bots/embed-snippet";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { WidgetPreview } from "./widget-preview";
import { WidgetSettingsForm } from "./widget-settings-form";
import { draftFromBot, type Bot } from "./widget-settings-draft";

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
      <WidgetSettingsEditor bot={bot.data} />
    </>
  );
}

/** The form and the preview share the unsaved draft, so the preview follows edits as they are typed. */
function WidgetSettingsEditor({ bot }: { bot: Bot }) {
  const [draft, setDraft] = useState(() => draftFromBot(bot));
  return (
    <div className="grid-2">
      <AdminOnly note="Only owners and admins change the widget's appearance and lead capture.">
        <WidgetSettingsForm bot={bot} draft={draft} setDraft={setDraft} />
      </AdminOnly>
      <div className="stack sticky">
        <WidgetPreview publicKey={bot.publicKey} draft={draft} version={bot.updatedAt} />
        <EmbedSnippet publicKey={bot.publicKey} />
      </div>
    </div>
  );
}
