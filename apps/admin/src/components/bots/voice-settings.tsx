"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CopyButton } from "@/components/copy-button";
import { usePublicUrl } from "@/components/shell/public-url";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";
import { VapiLink } from "./vapi-link";

type Bot = RouterOutputs["bots"]["get"];

/** Phone (Vapi): the bot's server URL to paste into Vapi, and the secret Vapi must send (stored encrypted, shown masked). */
export function VoiceSettings({ bot }: { bot: Bot }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const publicUrl = usePublicUrl();
  const serverUrl = `${publicUrl}/api/webhooks/vapi/${bot.publicKey}`;
  const [secret, setSecret] = useState("");
  const update = useMutation(
    trpc.bots.update.mutationOptions({
      onSuccess: (saved) => {
        setSecret("");
        queryClient.setQueryData(trpc.bots.get.queryKey({ id: bot.id }), saved);
      },
    }),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ id: bot.id, data: { voice: { serverSecret: secret } } });
  }
  return (
    <section className="card stack">
      <form onSubmit={onSubmit}>
        <h2>Phone (Vapi)</h2>
        <p className="muted small">Point a Vapi phone number or assistant at this server URL, with the secret below as its credential.</p>
        <pre className="snippet" data-testid="vapi-server-url">
          {serverUrl}
        </pre>
        <CopyButton text={serverUrl} label="Copy server URL" />
        <p className="small" data-testid="voice-secret">
          Secret: <strong>{bot.voice.serverSecret ?? "not set — calls are refused"}</strong>
        </p>
        <label>
          New secret (at least 16 characters)
          <input name="serverSecret" type="password" autoComplete="off" value={secret} onChange={(event) => setSecret(event.target.value)} minLength={16} required />
        </label>
        <button type="submit" disabled={update.isPending}>
          Save secret
        </button>
        {update.error && (
          <p className="error" role="alert">
            {errorMessage(update.error)}
          </p>
        )}
      </form>
      <VapiLink bot={bot} />
    </section>
  );
}
