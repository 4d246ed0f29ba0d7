export {
  buildChatModel,
  chatModelSettingsFromConfig,
  createChatModel,
  defaultChatModels,
  resolveChatProvider,
  withTemperature,
  DEFAULT_TEMPERATURE,
  type ChatModelConfig,
  type ChatModelSettings,
  type ChatProvider,
} from "./create-chat-model";
export { describeChatModel } from "./describe-chat-model";
