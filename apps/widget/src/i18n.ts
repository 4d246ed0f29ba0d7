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

const tables: Record<string, Strings> = {
  en,
  es: {
    openChat: "Abrir chat",
    closeChat: "Cerrar chat",
    minimize: "Minimizar chat",
    message: "Mensaje",
    placeholder: "Haz una pregunta…",
    send: "Enviar",
    retry: "Reintentar",
    sources: "Fuentes",
    untitled: "Fuente sin título",
    offline: "No se pudo contactar con el asistente. Revisa tu conexión e inténtalo de nuevo.",
  },
  fr: {
    openChat: "Ouvrir le chat",
    closeChat: "Fermer le chat",
    minimize: "Réduire le chat",
    message: "Message",
    placeholder: "Posez une question…",
    send: "Envoyer",
    retry: "Réessayer",
    sources: "Sources",
    untitled: "Source sans titre",
    offline: "Impossible de joindre l'assistant. Vérifiez votre connexion et réessayez.",
  },
  de: {
    openChat: "Chat öffnen",
    closeChat: "Chat schließen",
    minimize: "Chat minimieren",
    message: "Nachricht",
    placeholder: "Stellen Sie eine Frage…",
    send: "Senden",
    retry: "Erneut versuchen",
    sources: "Quellen",
    untitled: "Quelle ohne Titel",
    offline: "Der Assistent ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  },
};

/** `fr-CA` falls back to `fr`, anything unknown to English. */
export function stringsFor(locale: string): Strings {
  return tables[locale.toLowerCase().split(/[-_]/)[0] ?? ""] ?? en;
}
