export { createLiveUpdates, liveUpdateSchema, type LiveSignal, type LiveUpdate, type LiveUpdates, type PubSubTransport } from "./live-updates";
export { createMemoryTransport } from "./memory-transport";
export { publishLive } from "./publish-live";
export { watchConversation, type ConversationWatch } from "./watch-conversation";
