import { expandChatSpeak } from "./chat-speak";
import { stripPreamble } from "./preamble";

/**
 * The question a visitor typed, as search and extractive answers should read it: chat-speak written out ("r u open
 * sat" → "are you open Saturday"), greetings, announcing lead-ins and thanks taken off ("hi there, i was wondering if
 * you do X, thanks" → "do you do X"), spaces tidied. A question typed plainly comes back unchanged, so its search
 * and its cached query vector are the same as before. Spelling needs the knowledge base's words: correctSpelling.
 */
export function readVisitorQuestion(text: string): string {
  const tidy = text.replace(/\s+/gu, " ").trim();
  const read = stripPreamble(expandChatSpeak(tidy));
  return read === tidy ? text : read;
}
