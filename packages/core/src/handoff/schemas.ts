import { z } from "zod";
import { recordId } from "../record-id";

export const operatorReplyInput = z.object({
  text: z.string().trim().min(1, "text is required").max(4000, "text is longer than 4000 characters"),
});
export type OperatorReplyInput = z.input<typeof operatorReplyInput>;

/** What a visitor's widget sees of a conversation: its status and messages newer than the one it has. */
export const widgetMessagesAfterInput = z.object({
  visitorId: z.string().trim().min(1, "visitorId is required").max(128),
  after: recordId.optional(),
});
