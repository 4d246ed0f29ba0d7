export {
  createChatModel,
  defaultChatModels,
  resolveChatProvider,
  withTemperature,
  DEFAULT_TEMPERATURE,
  type ChatModelConfig,
  type ChatProvider,
} from "./create-chat-model";
