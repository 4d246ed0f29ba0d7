import { splitAnswerUnits } from "./answer-units";
import { SOURCES_READ } from "./extractive-answer";
import { answerTypeOf, fitsAnswerType, isAnswerTypeWord, statesStreetAddress } from "./question-type";
import { hasTerm, wordsOf } from "./score-units";
import { contentTerms } from "./text-analysis";
import { keySubjectWords } from "./key-subject";

/**
 * A way to find the business that visitors ask for in few words ("what's your phone number?", "where are you?",
 * "vuestro email por favor").
 */
export type ContactFact = "phone" | "address" | "email";

/**
 * Queries that find the passage stating a contact fact, whatever the question's words: "where are you located?"
 * and "what's your phone number?" share no word with "We are at 18 Mill Lane" or "call us on 01423 555 218", and
 * in meaning they sit nearer any short row of a price list than that passage. The same text each time, so its
 * query vector comes from the cache after the first time.
 */
export const CONTACT_FACT_QUERIES: Readonly<Record<ContactFact, string>> = {
  // German words too ("Telefon", "Adresse"): full-text search matches no English word in a German knowledge base.
  phone: "call us phone telephone ring contact number Telefon Kontakt anrufen",
  address: "where to find us address we are at street road Adresse Anschrift Anfahrt Straße",
  // French, Spanish and German words too: "Courriel : contact@…", "Correo electrónico: hola@…", "E-Mail hallo@…".
  email: "email e-mail mail write to us contact courriel correo electrónico E-Mail Kontakt",
};

/** A phone number: seven digits or more, with spaces, dots, dashes or brackets between them. */
const phoneNumber = /\+?\(?\d[\d ().-]{5,}\d/gu;

/** Whether a passage states the contact fact: a phone number, a street address, or an e-mail address. */
export function statesContactFact(fact: ContactFact, text: string): boolean {
  if (fact === "address") return statesStreetAddress(text);
  if (fact === "email") return fitsAnswerType("email", text);
  return [...text.matchAll(phoneNumber)].some((match) => match[0].replace(/\D/gu, "").length >= 7);
}

/**
 * The contact fact to look for apart from the question's own search: the question asks for a phone number, a place
 * or an e-mail address, and none of the sentences the answer reads (the first SOURCES_READ passages) states one. Null
 * otherwise: "where can I park?" over a passage about the car park needs nothing more. "a qué email mando el
 * justificante de pago?" reads the payment passages, none of which gives the academy's e-mail.
 */
export function missingContactFact(question: string, passages: readonly string[]): ContactFact | null {
  const type = answerTypeOf(question);
  const fact: ContactFact | null = type === "phone" ? "phone" : type === "place" ? "address" : type === "email" ? "email" : null;
  if (fact === null) return null;
  const read = passages.slice(0, SOURCES_READ);
  // "où se trouve le médecin le plus proche": where a thing no passage read names is, not where the business is.
  const subject = keySubjectWords(question);
  if (subject.length > 0 && !read.some((passage) => subject.some((term) => hasTerm(wordsOf(question, passage), term)))) return null;
  const stated = fact === "address" ? placeStated(question, read) : read.some((passage) => statesContactFact(fact, passage));
  return stated ? null : fact;
}

/**
 * Whether the passages read say where the question asks about: a street address, or a sentence placing something
 * that shares a topic word of the question ("where can I park?" over "the car park is behind the building"). A
 * place word alone is not enough: "where exactly is the surgery?" over "the phone lines open at the same time as the
 * surgery" or over a car park sentence says nothing of where the surgery is.
 */
function placeStated(question: string, passages: readonly string[]): boolean {
  if (passages.some((passage) => statesContactFact("address", passage))) return true;
  const topic = contentTerms(question).filter((term) => !isAnswerTypeWord("place", term));
  if (topic.length === 0) return false;
  return passages.some((passage) =>
    splitAnswerUnits(passage).some((unit) => fitsAnswerType("place", unit.text) && topic.some((term) => hasTerm(wordsOf(question, unit.text), term))),
  );
}
