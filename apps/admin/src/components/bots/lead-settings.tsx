"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CopyButton } from "@/components/copy-button";
import { usePublicUrl } from "@/components/shell/public-url";
import { errorMessage, fieldProblems, type FieldProblem } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";
import { FollowUpEditor, type RowProblem } from "./follow-up-editor";
import { checkRows, toRows, toSteps } from "./follow-up-rows";

type Bot = RouterOutputs["bots"]["get"];

/** API problems named followUps.<n>.<field> (under `data.` in tRPC) → the editor's rows; the rest stay general. */
function splitProblems(problems: FieldProblem[]): { rows: RowProblem[]; other: FieldProblem[] } {
  const rows: RowProblem[] = [];
  const other: FieldProblem[] = [];
  for (const problem of problems) {
    const match = /^(?:data\.)?followUps\.(\d+)\.(\w+)/.exec(problem.field);
    if (match) rows.push({ row: Number(match[1]), field: match[2]!, message: problem.message });
    else other.push(problem);
  }
  return { rows, other };
}

/**
 * The lead engine's settings for one bot: where hot-lead alerts go, the Twilio webhook URL to paste into Twilio
 * (SMS and WhatsApp), booking with Cal.com on or off, and the follow-up sequence for leads who went quiet.
 */
export function LeadSettings({ bot }: { bot: Bot }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const publicUrl = usePublicUrl();
  const twilioUrl = `${publicUrl}/api/webhooks/twilio/${bot.publicKey}`;
  // The editor's rows, reset to what the server saved whenever the bot changes (the rest of the form is keyed).
  const [rows, setRows] = useState(() => toRows(bot.followUps));
  const [rowsOf, setRowsOf] = useState(bot.updatedAt);
  if (rowsOf !== bot.updatedAt) {
    setRowsOf(bot.updatedAt);
    setRows(toRows(bot.followUps));
  }
  const [checked, setChecked] = useState<RowProblem[]>([]);
  const update = useMutation(
    trpc.bots.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.bots.get.queryKey({ id: bot.id }), saved),
    }),
  );

  const serverProblems = splitProblems(fieldProblems(update.error));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const problems = checkRows(rows);
    setChecked(problems);
    if (problems.length > 0) return;
    update.mutate({
      id: bot.id,
      data: {
        leadAlerts: { ...(text("alertSms") ? { sms: text("alertSms") } : {}), ...(text("alertEmail") ? { email: text("alertEmail") } : {}) },
        booking: { enabled: form.get("bookingEnabled") === "on", slotsOffered: Number(text("slotsOffered") || 3) },
        followUps: toSteps(rows),
      },
    });
  }

  return (
    // Keyed by updatedAt so the fields show what the server saved.
    <form className="card stack" onSubmit={onSubmit} key={bot.updatedAt} data-testid="lead-settings">
      <h2>Leads, SMS and booking</h2>
      <fieldset className="fieldset">
        <legend>Hot-lead alerts</legend>
        <label>
          Text me at <span className="muted small">(E.164, sent through your Twilio integration)</span>
          <input name="alertSms" type="tel" defaultValue={bot.leadAlerts.sms ?? ""} placeholder="+34600111222" />
        </label>
        <label>
          Email me at <span className="muted small">(sent through your email integration)</span>
          <input name="alertEmail" type="email" defaultValue={bot.leadAlerts.email ?? ""} placeholder="owner@example.com" />
        </label>
      </fieldset>
      <fieldset className="fieldset">
        <legend>SMS and WhatsApp (Twilio)</legend>
        <p className="muted small">Paste this URL into your Twilio number (Messaging → “A message comes in”, HTTP POST) and the WhatsApp sender.</p>
        <pre className="snippet" data-testid="twilio-webhook-url">
          {twilioUrl}
        </pre>
        <CopyButton text={twilioUrl} label="Copy Twilio webhook URL" />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Booking (Cal.com)</legend>
        <label className="checkbox">
          <input name="bookingEnabled" type="checkbox" defaultChecked={bot.booking.enabled} />
          Offer free slots and book the one the visitor picks
        </label>
        <label>
          Slots offered at once
          <input name="slotsOffered" type="number" min={1} max={6} defaultValue={bot.booking.slotsOffered} style={{ width: "5rem" }} />
        </label>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Follow-ups for leads who went quiet</legend>
        <p className="muted small">Each step is sent after its wait without a reply; a reply or a booking stops the sequence (at most 30 days a step).</p>
        <FollowUpEditor rows={rows} onChange={setRows} problems={checked.length > 0 ? checked : serverProblems.rows} />
      </fieldset>
      {checked.length === 0 && update.error && (serverProblems.other.length > 0 || serverProblems.rows.length === 0) && (
        <p className="error" role="alert">
          {serverProblems.other.length > 0 ? serverProblems.other.map((problem) => `${problem.field.replace(/^data\./, "")}: ${problem.message}`).join("; ") : errorMessage(update.error)}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save lead settings"}
        </button>
        {update.isSuccess && <span className="notice">Saved</span>}
      </div>
    </form>
  );
}
