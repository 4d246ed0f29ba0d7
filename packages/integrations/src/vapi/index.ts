export { vapiConfigSchema, type VapiConfig } from "./config";
export { vapiAssistants, vapiFileStore, type VapiUpload } from "./vapi-client";
