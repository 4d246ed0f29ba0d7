/**
 * The widget's own UI strings by language, sent with its config so the embedded bundle carries no translation
 * tables (it has a 12 KiB budget). Answers and the greeting come from the bot and are never translated here.
 */
export const widgetStringKeys = [
  "openChat",
  "closeChat",
  "minimize",
  "message",
  "placeholder",
  "send",
  "retry",
  "sources",
  "untitled",
  "offline",
  "newChat",
  "talkToPerson",
  "waiting",
  "operator",
  "rateLimited",
  "name",
  "email",
  "phone",
  "thanks",
  "suggestions",
  "helpful",
  "notHelpful",
] as const;
export type WidgetStrings = Record<(typeof widgetStringKeys)[number], string>;

// Values in widgetStringKeys order. `{s}` in rateLimited is the seconds to wait.
const tables: Record<string, string[]> = {
  en: [
    "Open chat", "Close chat", "Minimize chat", "Message", "Ask a question…", "Send", "Retry", "Sources", "Untitled source",
    "Couldn't reach the assistant. Check your connection and try again.", "New conversation", "Talk to a person",
    "Waiting for a person…", "Team member", "Too many messages. Try again in {s} s.", "Name", "Email", "Phone",
    "Thanks! We'll be in touch.", "Suggested questions", "Helpful", "Not helpful",
  ],
  es: [
    "Abrir chat", "Cerrar chat", "Minimizar chat", "Mensaje", "Haz una pregunta…", "Enviar", "Reintentar", "Fuentes", "Fuente sin título",
    "No se pudo contactar con el asistente.", "Nueva conversación", "Hablar con una persona", "Esperando a una persona…", "Equipo",
    "Demasiados mensajes. Reintenta en {s} s.", "Nombre", "Correo", "Teléfono", "¡Gracias! Te contactaremos.", "Preguntas sugeridas", "Útil", "No útil",
  ],
  fr: [
    "Ouvrir le chat", "Fermer le chat", "Réduire le chat", "Message", "Posez une question…", "Envoyer", "Réessayer", "Sources",
    "Source sans titre", "Impossible de joindre l'assistant.", "Nouvelle conversation", "Parler à une personne",
    "En attente d'une personne…", "Équipe", "Trop de messages. Réessayez dans {s} s.", "Nom", "E-mail", "Téléphone",
    "Merci ! Nous vous recontacterons.", "Questions suggérées", "Utile", "Pas utile",
  ],
  de: [
    "Chat öffnen", "Chat schließen", "Chat minimieren", "Nachricht", "Stellen Sie eine Frage…", "Senden", "Erneut versuchen", "Quellen",
    "Quelle ohne Titel", "Der Assistent ist nicht erreichbar.", "Neues Gespräch", "Mit einer Person sprechen", "Warten auf eine Person…",
    "Team", "Zu viele Nachrichten. Erneut in {s} s.", "Name", "E-Mail", "Telefon", "Danke! Wir melden uns.", "Vorgeschlagene Fragen", "Hilfreich", "Nicht hilfreich",
  ],
};

/** The language we have strings for: `fr-CA` → `fr`, anything unknown → `en`. */
export function widgetLanguage(locale: string | undefined): string {
  const language = (locale ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return language in tables ? language : "en";
}

export function widgetStrings(locale: string | undefined): WidgetStrings {
  const table = tables[widgetLanguage(locale)]!;
  return Object.fromEntries(widgetStringKeys.map((key, i) => [key, table[i]!])) as WidgetStrings;
}
