export { computeSignature, DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signPayload, webhookHeaders } from "./sign-payload";
export { parseSignatureHeader, verifySignature, type VerifyResult } from "./verify-signature";
