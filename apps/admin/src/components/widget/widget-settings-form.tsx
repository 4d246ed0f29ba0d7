"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { AppearanceFields } from "./appearance-fields";
import { LeadCaptureFields } from "./lead-capture-fields";
import { StringListEditor } from "./string-list-editor";
import { draftFromBot, updateFromDraft, type Bot, type WidgetSettingsDraft } from "./widget-settings-draft";

/** Everything the visitor sees of a bot on a customer's site; saved with one `bots.update`. */
export function WidgetSettingsForm({
  bot,
  draft,
  setDraft,
}: {
  bot: Bot;
  draft: WidgetSettingsDraft;
  setDraft: (update: (current: WidgetSettingsDraft) => WidgetSettingsDraft) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = (patch: Partial<WidgetSettingsDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const update = useMutation(
    trpc.bots.update.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.bots.get.queryKey({ id: bot.id }), saved);
        setDraft(() => draftFromBot(saved));
        await queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ id: bot.id, data: updateFromDraft(draft) });
  }

  return (
    <form className="card" onSubmit={onSubmit} data-testid="widget-settings">
      <h2>Widget settings</h2>
      <AppearanceFields draft={draft} onChange={change} />
      <fieldset className="fieldset">
        <legend>Conversation start</legend>
        <label>
          Greeting
          <input type="text" value={draft.greeting} required onChange={(event) => change({ greeting: event.target.value })} />
        </label>
        <p className="label-like">
          Suggested questions <span className="muted small">(buttons shown before the first message, up to 6)</span>
        </p>
        <StringListEditor
          label="Suggested question"
          items={draft.suggestedQuestions}
          max={6}
          placeholder="What are your opening hours?"
          onChange={(suggestedQuestions) => change({ suggestedQuestions })}
        />
      </fieldset>
      <LeadCaptureFields value={draft.leadCapture} onChange={(leadCapture) => change({ leadCapture })} />
      <fieldset className="fieldset">
        <legend>Where it may run</legend>
        <label>
          Allowed origins <span className="muted small">(one per line; empty allows any site)</span>
          <textarea
            className="mono"
            rows={3}
            placeholder="https://www.example.com"
            value={draft.allowedOrigins}
            onChange={(event) => change({ allowedOrigins: event.target.value })}
          />
        </label>
      </fieldset>
      {update.error && <p className="error" role="alert">{errorMessage(update.error)}</p>}
      <div className="row">
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save widget settings"}
        </button>
        {update.isSuccess && !update.isPending && <span className="notice">Saved</span>}
      </div>
    </form>
  );
}
