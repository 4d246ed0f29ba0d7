export { receiveTwilioMessage } from "./receive-twilio-message";
export { receiveTwilioStatus, type DeliveryStatus } from "./receive-twilio-status";
export { recordInboundMessage, type RecordedInbound, type ChannelRoute } from "./record-inbound-message";
export { sendChannelMessage, type SentChannelMessage } from "./send-channel-message";
export { loadTwilioChannels, twilioWebhookPath, type TwilioChannel } from "./twilio-channels";
export type { TwilioWebhookRequest } from "./verify-twilio-request";
