"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CopyButton } from "@/components/copy-button";
import { usePublicUrl } from "@/components/shell/public-url";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";

type Bot = RouterOutputs["bots"]["get"];
type FollowUps = Bot["followUps"];

const followUpsExample = '[{"after":"1h","channel":"sms","message":"Still want that appointment? Reply here."}]';

/** JSON text → the follow-up list, or a message saying what is wrong (the API checks each step's fields). */
function parseFollowUps(text: string): { steps: FollowUps } | { error: string } {
  if (text.trim() === "") return { steps: [] };
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? { steps: parsed as FollowUps } : { error: "Follow-ups must be a JSON list, e.g. " + followUpsExample };
  } catch (error) {
    return { error: `Follow-ups are not valid JSON: ${(error as Error).message}` };
  }
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
  const [followUpsError, setFollowUpsError] = useState<string | null>(null);
  const update = useMutation(
    trpc.bots.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.bots.get.queryKey({ id: bot.id }), saved),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const followUps = parseFollowUps(text("followUps"));
    setFollowUpsError("error" in followUps ? followUps.error : null);
    if ("error" in followUps) return;
    update.mutate({
      id: bot.id,
      data: {
        leadAlerts: { ...(text("alertSms") ? { sms: text("alertSms") } : {}), ...(text("alertEmail") ? { email: text("alertEmail") } : {}) },
        booking: { enabled: form.get("bookingEnabled") === "on", slotsOffered: Number(text("slotsOffered") || 3) },
        followUps: followUps.steps,
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
        <p className="muted small">
          A JSON list of steps, each sent after the wait without a reply; a reply or a booking stops it. Waits like 30m, 1h, 1d; channel sms,
          whatsapp or email. Empty turns follow-ups off.
        </p>
        <textarea
          name="followUps"
          aria-label="Follow-up steps (JSON)"
          className="mono"
          rows={4}
          defaultValue={bot.followUps.length > 0 ? JSON.stringify(bot.followUps, null, 2) : ""}
          placeholder={followUpsExample}
        />
      </fieldset>
      {(followUpsError ?? update.error) && (
        <p className="error" role="alert">
          {followUpsError ?? errorMessage(update.error)}
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
