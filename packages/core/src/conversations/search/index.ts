export { embedMessage, requestMessageEmbedding } from "./embed-message";
export { reembedBotMessages, requestConversationReembedding, REEMBED_MESSAGE_BATCH } from "./reembed-bot-messages";
export { searchConversations, MIN_CONVERSATION_SIMILARITY } from "./search-conversations";
export { similarConversations } from "./similar-conversations";
export { searchContacts } from "./search-contacts";
export * from "./schemas";
