"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";

type Bot = RouterOutputs["bots"]["get"];

const lines = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(/\s*[\n,]\s*/)
    .map((line) => line.trim())
    .filter(Boolean);

export function BotSettingsForm({ bot }: { bot: Bot }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The system prompt only reaches a language model; extractive answers ignore it.
  const mode = useQuery(trpc.answerModel.mode.queryOptions());
  const notFoundDefault = useQuery(trpc.bots.notFoundReplyDefault.queryOptions({ id: bot.id }));
  const update = useMutation(
    trpc.bots.update.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.bots.get.queryKey({ id: bot.id }), saved);
        await queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({
      id: bot.id,
      data: {
        name: String(form.get("name")),
        systemPrompt: String(form.get("systemPrompt")),
        greeting: String(form.get("greeting")),
        allowedOrigins: lines(form.get("allowedOrigins")),
        // answerSettings is replaced as a whole: keep the knobs set through the API. Empty means the default.
        answerSettings: { ...bot.answerSettings, notFoundReply: String(form.get("notFoundReply") ?? "") },
      },
    });
  }

  return (
    // Keyed by updatedAt so the fields show what the server saved (e.g. normalized origins).
    <form className="card" onSubmit={onSubmit} key={bot.updatedAt}>
      <h2>Settings</h2>
      <label>
        Name
        <input name="name" type="text" defaultValue={bot.name} required />
      </label>
      <label>
        System prompt
        <textarea name="systemPrompt" defaultValue={bot.systemPrompt} rows={5} required />
      </label>
      {mode.data?.answerMode === "extractive" && (
        <p className="muted small" data-testid="system-prompt-note">
          No effect in extractive mode: answers quote your knowledge without a language model. Set a model in{" "}
          <Link href="/settings">Settings → Answer model</Link>.
        </p>
      )}
      <label>
        Greeting
        <input name="greeting" type="text" defaultValue={bot.greeting} required />
      </label>
      <label>
        Reply when nothing in the knowledge answers{" "}
        <span className="muted small">(empty: the default shown, in the visitor&apos;s language; at most 500 characters)</span>
        <textarea
          name="notFoundReply"
          defaultValue={bot.answerSettings.notFoundReply ?? ""}
          placeholder={notFoundDefault.data?.reply}
          rows={2}
        />
      </label>
      {mode.data?.answerMode === "model" && (
        <p className="muted small" data-testid="not-found-reply-note">
          With a language model too: said as it is, without asking the model, when nothing in the knowledge is
          relevant; when the model reads sources that do not answer, it is told to reply in this wording.
        </p>
      )}
      <label>
        Allowed origins <span className="muted small">(one per line; empty allows any site)</span>
        <textarea
          name="allowedOrigins"
          className="mono"
          defaultValue={bot.allowedOrigins.join("\n")}
          placeholder="https://www.example.com"
          rows={3}
        />
      </label>
      {update.error && <p className="error" role="alert">{errorMessage(update.error)}</p>}
      <div className="row">
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </button>
        {update.isSuccess && <span className="notice">Saved</span>}
      </div>
    </form>
  );
}
