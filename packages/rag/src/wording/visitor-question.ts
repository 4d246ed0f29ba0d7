import { expandChatSpeak } from "./chat-speak";
import { stripPreamble } from "./preamble";

/**
 * The question a visitor typed, as search and extractive answers should read it: chat-speak written out ("r u open
 * sat" → "are you open Saturday"), greetings, announcing lead-ins and thanks taken off ("hi there, i was wondering if
 * you do X, thanks" → "do you do X"), spaces tidied. A question typed plainly comes back unchanged, so its search
 * and its cached query vector are the same as before. Spelling needs the knowledge base's words: correctSpelling.
 * Remembered for the last QUESTIONS_KEPT texts: a chat turn reads its question twice (to warm its vector and to
 * search), and visitors ask the same questions again.
 */
export function readVisitorQuestion(text: string): string {
  let read = questionsKept.get(text);
  if (read === undefined) {
    const tidy = text.replace(/\s+/gu, " ").trim();
    const stripped = stripPreamble(expandChatSpeak(tidy));
    read = stripped === tidy ? text : stripped;
    questionsKept.set(text, read);
    if (questionsKept.size > QUESTIONS_KEPT) questionsKept.delete(questionsKept.keys().next().value!);
  }
  return read;
}

/** Questions whose reading is kept (see readVisitorQuestion). */
const QUESTIONS_KEPT = 2_000;
const questionsKept = new Map<string, string>();
