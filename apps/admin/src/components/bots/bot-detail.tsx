"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { AdminOnly } from "@/components/admin-only";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { BotKnowledgeBases } from "./bot-knowledge-bases";
import { BotSettingsForm } from "./bot-settings-form";
import { ChatPreview } from "./chat-preview";
import { DeleteBot } from "./delete-bot";
import { EmbedSnippet } from "./embed-snippet";
import { LeadSettings } from "./lead-settings";
import { VoiceSettings } from "./voice-settings";

export function BotDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const bot = useQuery(trpc.bots.get.queryOptions({ id }));
  if (!bot.data) return <QueryState error={bot.error} />;

  return (
    <>
      <p className="small">
        <Link href="/bots">← Bots</Link>
      </p>
      <h1>{bot.data.name}</h1>
      <nav className="subnav">
        <Link href={`/bots/${id}/widget`}>Chat widget</Link>
        <Link href={`/bots/${id}/tools`}>Tools</Link>
        <Link href={`/conversations?botId=${id}`}>Conversations</Link>
      </nav>
      <div className="grid-2">
        <div className="stack">
          <AdminOnly note="Only owners and admins can change the bot's name, greeting, system prompt, allowed origins and knowledge bases.">
            <BotSettingsForm bot={bot.data} />
            <BotKnowledgeBases bot={bot.data} />
          </AdminOnly>
          <EmbedSnippet publicKey={bot.data.publicKey} />
          <AdminOnly>
            <LeadSettings bot={bot.data} />
            <VoiceSettings bot={bot.data} />
            <DeleteBot bot={bot.data} />
          </AdminOnly>
        </div>
        <ChatPreview botId={bot.data.id} greeting={bot.data.greeting} />
      </div>
    </>
  );
}
