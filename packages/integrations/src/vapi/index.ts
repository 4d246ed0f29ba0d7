export { vapiConfigSchema, type VapiConfig } from "./config";
export { vapiAssistants } from "./vapi-client";
