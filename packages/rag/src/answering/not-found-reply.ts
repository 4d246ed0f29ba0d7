import { questionLanguage, REPLY_LANGUAGES, type ReplyLanguage } from "./question-language";

/**
 * What the extractive default says when nothing read answers, in the visitor's language: a German visitor told
 * "I couldn't find that" in English reads it as a broken bot, not as an honest "not in our knowledge".
 */
export const NOT_FOUND_REPLIES: Readonly<Record<ReplyLanguage, string>> = {
  en: "I couldn't find that in the knowledge base. Could you rephrase the question, or ask about something else?",
  de: "Dazu habe ich in der Wissensdatenbank nichts gefunden. Können Sie die Frage anders formulieren oder nach etwas anderem fragen?",
  fr: "Je n'ai pas trouvé cela dans la base de connaissances. Pourriez-vous reformuler la question ou demander autre chose ?",
  es: "No he encontrado eso en la base de conocimientos. ¿Podría reformular la pregunta o preguntar otra cosa?",
  it: "Non ho trovato questa informazione nella base di conoscenza. Può riformulare la domanda o chiedere qualcos'altro?",
  nl: "Dat heb ik niet in de kennisbank gevonden. Kunt u de vraag anders formuleren of iets anders vragen?",
  pt: "Não encontrei isso na base de conhecimento. Pode reformular a pergunta ou perguntar outra coisa?",
};

/** The bot owner's own reply when they wrote one (any language, said as written); otherwise the question's language's. */
export function notFoundReply(question: string, ownReply?: string): string {
  const own = ownReply?.trim();
  return own ? own : NOT_FOUND_REPLIES[questionLanguage(question)];
}

/**
 * The default reply in the language a BCP 47 tag names ("fr-CA" → French), English for one no reply is written in:
 * what an owner who leaves the reply empty gets, shown in the admin in the bot's widget language.
 */
export function defaultNotFoundReply(languageTag?: string): string {
  const primary = languageTag?.trim().toLowerCase().split(/[-_]/)[0];
  const language = REPLY_LANGUAGES.find((candidate) => candidate === primary) ?? "en";
  return NOT_FOUND_REPLIES[language];
}
