export { type TwilioConfig, twilioConfigSchema } from "./config";
export { type SentMessage, sendMessage } from "./send-message";
export { type InboundMessage, inboundMessageSchema, parseInboundMessage, twimlMessageReply, verifyTwilioJsonSignature, verifyTwilioSignature } from "./verify-webhook";
