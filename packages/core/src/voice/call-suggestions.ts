import type { Call } from "@frontdesk/db";

export interface CallSuggestion {
  id: "callback" | "transfer" | "tool-failed";
  /** What the owner's button says. */
  label: string;
  /** The system message injected with one click (control action add-message). */
  message: string;
}

/** The tool errors after which the owner is offered to step in. */
const TOOL_ERRORS_BEFORE_SUGGESTING = 2;

/**
 * Context the owner can inject into a live call (seed 004): when the caller turns frustrated, or tools keep failing,
 * the live view offers a ready-made instruction for the assistant.
 */
export function callSuggestions(call: Pick<Call, "status" | "userSentiment" | "toolErrorsCount">): CallSuggestion[] {
  if (call.status === "ended") return [];
  const suggestions: CallSuggestion[] = [];
  if (call.userSentiment === "frustrated") {
    suggestions.push(
      {
        id: "callback",
        label: "Offer a callback",
        message: "The caller is frustrated. Apologise briefly, stop repeating yourself, and offer a callback from a member of staff at a time that suits them; take their name and best time.",
      },
      {
        id: "transfer",
        label: "Offer a transfer",
        message: "The caller is frustrated. Apologise and offer to transfer them to a member of staff right now.",
      },
    );
  }
  if (call.toolErrorsCount >= TOOL_ERRORS_BEFORE_SUGGESTING) {
    suggestions.push({
      id: "tool-failed",
      label: "Apologise for the system",
      message: "Our systems are failing to complete this request. Do not try the action again; apologise, and offer to have someone call back to finish it.",
    });
  }
  return suggestions;
}
