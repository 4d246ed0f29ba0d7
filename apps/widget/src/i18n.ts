/** Widget chrome strings; answers and the greeting come from the bot and are never translated here. */
export interface Strings {
  openChat: string;
  closeChat: string;
  minimize: string;
  message: string;
  placeholder: string;
  send: string;
  retry: string;
  sources: string;
  untitled: string;
  offline: string;
}

const en: Strings = {
  openChat: "Open chat",
  closeChat: "Close chat",
  minimize: "Minimize chat",
  message: "Message",
  placeholder: "Ask a question…",
  send: "Send",
  retry: "Retry",
  sources: "Sources",
  untitled: "Untitled source",
  offline: "Couldn't reach the assistant. Check your connection and try again.",
};

// Translations list en's values in en's key order: key names would cost bytes in every table.
const tables: Record<string, string[]> = {
  es: [
    "Abrir chat",
    "Cerrar chat",
    "Minimizar chat",
    "Mensaje",
    "Haz una pregunta…",
    "Enviar",
    "Reintentar",
    "Fuentes",
    "Fuente sin título",
    "No se pudo contactar con el asistente.",
  ],
  fr: [
    "Ouvrir le chat",
    "Fermer le chat",
    "Réduire le chat",
    "Message",
    "Posez une question…",
    "Envoyer",
    "Réessayer",
    "Sources",
    "Source sans titre",
    "Impossible de joindre l'assistant.",
  ],
  de: [
    "Chat öffnen",
    "Chat schließen",
    "Chat minimieren",
    "Nachricht",
    "Stellen Sie eine Frage…",
    "Senden",
    "Erneut versuchen",
    "Quellen",
    "Quelle ohne Titel",
    "Der Assistent ist nicht erreichbar.",
  ],
};

/** `fr-CA` falls back to `fr`, anything unknown to English. */
export function stringsFor(locale: string): Strings {
  const table = tables[locale.toLowerCase().split(/[-_]/)[0] ?? ""];
  if (!table) return en;
  return Object.fromEntries(Object.keys(en).map((key, i) => [key, table[i]])) as unknown as Strings;
}
