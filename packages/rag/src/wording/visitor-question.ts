import { rememberedByText } from "../remembered";
import { expandChatSpeak } from "./chat-speak";
import { stripPreamble } from "./preamble";

/**
 * The question a visitor typed, as search and extractive answers should read it: chat-speak written out ("r u open
 * sat" → "are you open Saturday"), greetings, announcing lead-ins and thanks taken off ("hi there, i was wondering if
 * you do X, thanks" → "do you do X"), spaces tidied. A question typed plainly comes back unchanged, so its search
 * and its cached query vector are the same as before. Spelling needs the knowledge base's words: correctSpelling.
 * Remembered for the last 2,000 texts: a chat turn reads its question twice (to warm its vector and to
 * search), and visitors ask the same questions again.
 */
export const readVisitorQuestion: (text: string) => string = rememberedByText(2_000, (text: string): string => {
  const tidy = text.replace(/\s+/gu, " ").trim();
  const stripped = stripPreamble(expandChatSpeak(tidy));
  return stripped === tidy ? text : stripped;
});
