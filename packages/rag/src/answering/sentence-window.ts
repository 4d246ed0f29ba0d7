import type { ReplyLanguage } from "./question-language";

/**
 * A fact split over two sentences: "Turn off the main water shut-off valve. It is usually in the basement …", "Sabine
 * Albrecht hat den Salon gegründet. Sie ist unsere Spezialistin für Hochsteckfrisuren." The second sentence names what
 * it is about only by a pronoun or a demonstrative; its subject is the sentence before it. Such a sentence leans on
 * that one (answer-units.ts keeps it as `leansOn`): scoring reads its words like a heading's, and a quoted sentence
 * brings it along (extractive-answer.ts).
 */

/**
 * Words that open a sentence pointing back at the one before it, in English, French, German and Spanish: a
 * demonstrative ("This includes …", "Ces frais …", "Diese Regel …", "Este curso …"), "then" / "also" ("Then call our
 * emergency line"), "there is also".
 */
const opening =
  /^(?:this|these|that|those|such|both|then|also|there(?:'s| is| are) also|ce|cet|cette|ces|cela|ça|celui|celle|ceux|celles|dies|diese|dieser|dieses|diesen|diesem|dort|dabei|dafür|damit|deshalb|dann|außerdem|este|esta|estos|estas|esto|ese|esa|esos|esas|eso|allí|ahí|además|también)\b/iu;

/**
 * Personal pronouns of the third person standing for something named before: "It is served in the conservatory",
 * "Book it a week ahead", "Bei ihr bekommen Sie …", "En juillet, il est ouvert de 8h à 21h". Impersonal uses name
 * nothing and are left out ("il y a", "il faut", "es gibt"); the German polite "Sie" / "Ihr" ("Sie können …", "Ihre
 * Haare") is "you", so a sentence-opening "Sie" leans only before a form of "sein" / "werden" ("Sie sind drei Jahre
 * gültig"), and "sie" / "ihr" written small inside a sentence is the third person (the polite forms are capitalised).
 */
const pronouns: Partial<Record<ReplyLanguage, readonly RegExp[]>> = {
  en: [/\b(?:it|its|they|them|their|he|him|his|she|her)\b/iu],
  fr: [/(?:^|[\s,;(])(?:il(?! y a\b| faut\b)|ils|elle|elles|lui|leur|leurs)(?=[\s,;.)]|$)/iu],
  de: [
    /(?:^|[\s,;(])(?:er|ihn|ihm|(?<!gibt )es(?! gibt\b)|seine|seinen|seinem|seiner)(?=[\s,;.)]|$)/iu,
    /(?:^|[\s,;(])(?:sie|ihr|ihre|ihren|ihrem|ihrer)(?=[\s,;.)]|$)|^Sie (?:ist|sind|war|waren|wird|werden)\b/u,
  ],
  es: [/(?:^|[\s,;(¿¡])(?:él|ella|ellos|ellas)(?=[\s,;.)]|$)/iu],
};

/**
 * Whether a sentence of a passage written in `language` (questionLanguage of the passage) leans on the one before it:
 * it opens with a demonstrative or "then / also", or says a third-person pronoun of its language in its first clause
 * (see `pronouns`: "es" is German "it" and Spanish "is"). Capitalised German "Sie" / "Ihr" are read as polite "you".
 */
export function leansOnSentenceBefore(sentence: string, language: ReplyLanguage): boolean {
  const text = sentence.trim().replace(/^[«"'(¿¡\s]+/u, "");
  // "Sofia Lind leads the pregnancy classes; she is also a midwife": a pronoun after the first clause names its own subject.
  const clause = text.split(/[;:]/u)[0]!;
  return opening.test(text) || (pronouns[language] ?? []).some((pattern) => pattern.test(clause));
}
