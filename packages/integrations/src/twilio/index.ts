export { type TwilioConfig, twilioConfigSchema } from "./config";
export { lookupPhoneNumber, type PhoneLookup } from "./lookup-phone";
export { type SentMessage, sendMessage, sendWhatsappTemplate } from "./send-message";
export { type InboundMessage, inboundMessageSchema, parseInboundMessage, twimlMessageReply, verifyTwilioJsonSignature, verifyTwilioSignature } from "./verify-webhook";
