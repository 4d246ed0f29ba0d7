import type { Client } from "@hubspot/api-client";
import { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/objects/notes";
import { z } from "zod";
import { IntegrationError } from "../errors";
import { escapeHtml } from "../html";
import { qualificationProperties } from "./lead-properties";
import { updateContactProperties } from "./contacts";
import { toHubspotError } from "./hubspot-client";

/** HubSpot-defined association type ids for notes. */
export const NOTE_TO_CONTACT = 202;
export const NOTE_TO_DEAL = 214;

export interface HubspotNote {
  id: string;
  body: string;
  timestamp: string;
}

/** A note on the contact's (and optionally the deal's) timeline. `html` is trusted markup; plain text is escaped. */
export async function createNote(
  client: Client,
  note: { contactId: string; dealId?: string; text?: string; html?: string; timestamp?: Date },
): Promise<HubspotNote> {
  const body = note.html ?? textToHtml(note.text ?? "");
  const timestamp = (note.timestamp ?? new Date()).toISOString();
  const type = (associationTypeId: number) => [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId }];
  const associations = [{ to: { id: note.contactId }, types: type(NOTE_TO_CONTACT) }];
  if (note.dealId) associations.push({ to: { id: note.dealId }, types: type(NOTE_TO_DEAL) });
  const created = await client.crm.objects.notes.basicApi
    .create({ properties: { hs_note_body: body, hs_timestamp: timestamp }, associations })
    .catch(toHubspotError);
  return { id: created.id, body, timestamp };
}

function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

export const transcriptLineSchema = z.object({
  role: z.enum(["visitor", "agent", "operator"]),
  text: z.string().max(4000),
});

/** Long transcripts are cut so the note stays readable (HubSpot caps note bodies at 65,536 characters). */
const TRANSCRIPT_CHAR_BUDGET = 20_000;

export function conversationNoteHtml(conversation: { summary: string; channel?: string; transcript?: z.infer<typeof transcriptLineSchema>[]; conversationUrl?: string }): string {
  const parts = [`<p><strong>AI conversation${conversation.channel ? ` (${escapeHtml(conversation.channel)})` : ""}</strong></p>`, textToHtml(conversation.summary)];
  if (conversation.transcript && conversation.transcript.length > 0) {
    let budget = TRANSCRIPT_CHAR_BUDGET;
    const lines: string[] = [];
    for (const line of conversation.transcript) {
      if (budget <= 0) {
        lines.push("<li>…</li>");
        break;
      }
      const text = line.text.slice(0, budget);
      budget -= text.length;
      lines.push(`<li><strong>${line.role}:</strong> ${escapeHtml(text)}</li>`);
    }
    parts.push(`<p>Transcript:</p><ul>${lines.join("")}</ul>`);
  }
  if (conversation.conversationUrl) parts.push(`<p><a href="${escapeHtml(conversation.conversationUrl)}">Open in Frontdesk</a></p>`);
  return parts.join("");
}

/**
 * Logs the conversation as a note on the contact's timeline and stamps `ai_last_conversation` with the summary.
 * The note is the record; when the property is missing (connected without the schema scope) HubSpot's 400 is
 * reported in the result rather than thrown, so a retry does not post the note twice.
 */
export async function logConversation(
  client: Client,
  conversation: { contactId: string; dealId?: string; summary: string; channel?: string; transcript?: z.infer<typeof transcriptLineSchema>[]; conversationUrl?: string },
  now = new Date(),
): Promise<{ note: HubspotNote; lastConversationSaved: boolean; warning?: string }> {
  const note = await createNote(client, { contactId: conversation.contactId, dealId: conversation.dealId, html: conversationNoteHtml(conversation), timestamp: now });
  try {
    await updateContactProperties(client, conversation.contactId, qualificationProperties({ conversationSummary: conversation.summary }, now));
    return { note, lastConversationSaved: true };
  } catch (error) {
    if (error instanceof IntegrationError && error.status === 400) return { note, lastConversationSaved: false, warning: error.message };
    throw error;
  }
}
