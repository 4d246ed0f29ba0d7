// "talk to a human", "can I speak with someone", "agent please", "real person": asking for a person, not
// "can I visit in person?" — a bare "person" only counts next to a verb of talking.
const ASK_FOR_PERSON =
  /\b(talk|speak|chat|connect|transfer|put)\b[^.?!]{0,40}\b(human|agent|person|someone|somebody|operator|representative|staff)\b|\b(human|live agent|real person|operator|representative)\b|^\s*agent\b/i;

/** True when a visitor message explicitly asks for a person instead of the bot. */
export function detectHandoffRequest(message: string): boolean {
  return ASK_FOR_PERSON.test(message);
}
