import { VapiClient, VapiError, VapiTimeoutError, type Vapi } from "@vapi-ai/server-sdk";
import { IntegrationError } from "../errors";
import { DEFAULT_TIMEOUT_MS } from "../retry";
import type { IntegrationContext } from "../types";
import type { VapiConfig } from "./config";

/** Converts an SDK failure into an IntegrationError (status kept, so 401/404 reach the owner as such). */
function toError(error: unknown): never {
  if (error instanceof VapiTimeoutError) throw new IntegrationError({ provider: "vapi", code: "timeout", message: `Vapi timed out: ${error.message}` });
  if (error instanceof VapiError) {
    const body = error.body as { message?: unknown } | undefined;
    const detail = Array.isArray(body?.message) ? body.message.join("; ") : typeof body?.message === "string" ? body.message : error.message;
    throw new IntegrationError({ provider: "vapi", status: error.statusCode, message: `Vapi ${error.statusCode ?? ""}: ${detail}`.trim() });
  }
  throw error;
}

/** The official SDK with the private key (pointed at `ctx.baseUrl` in tests), and per-request options. */
function connect(config: VapiConfig, ctx: IntegrationContext) {
  const client = new VapiClient({ token: config.apiKey, ...(ctx.baseUrl ? { baseUrl: ctx.baseUrl } : {}) });
  const options = { timeoutInSeconds: Math.ceil((ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000), maxRetries: 0, ...(ctx.signal ? { abortSignal: ctx.signal } : {}) };
  return { client, options };
}

/** The assistant calls Frontdesk makes. */
export function vapiAssistants(config: VapiConfig, ctx: IntegrationContext) {
  const { client, options } = connect(config, ctx);
  return {
    list: (): Promise<Vapi.Assistant[]> => client.assistants.list({}, options).catch(toError),
    get: (id: string): Promise<Vapi.Assistant> => client.assistants.get({ id }, options).catch(toError),
    create: (assistant: Vapi.CreateAssistantDto): Promise<Vapi.Assistant> => client.assistants.create(assistant, options).catch(toError),
    update: (id: string, changes: Omit<Vapi.UpdateAssistantDto, "id">): Promise<Vapi.Assistant> => client.assistants.update({ id, ...changes }, options).catch(toError),
    remove: async (id: string): Promise<void> => {
      await client.assistants.delete({ id }, options).catch(toError);
    },
  };
}

/** A file to put in Vapi's file store. */
export interface VapiUpload {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * Vapi's file store and the query tool over it (docs: "Using the Query Tool for Knowledge Bases"): files are
 * uploaded as multipart `POST /file`, and a `query` tool's knowledge base lists their ids.
 */
export function vapiFileStore(config: VapiConfig, ctx: IntegrationContext) {
  const { client, options } = connect(config, ctx);
  return {
    upload: (file: VapiUpload): Promise<Vapi.File_> =>
      client.files.create({ file: { data: Buffer.from(file.bytes), filename: file.fileName, contentType: file.mimeType, contentLength: file.bytes.byteLength } }, options).catch(toError),
    getFile: (id: string): Promise<Vapi.File_> => client.files.get({ id }, options).catch(toError),
    removeFile: async (id: string): Promise<void> => {
      await client.files.delete({ id }, options).catch(toError);
    },
    createQueryTool: async (knowledgeBase: Vapi.KnowledgeBase): Promise<{ id: string }> =>
      client.tools.create({ type: "query", knowledgeBases: [knowledgeBase] }, options).catch(toError),
    updateQueryTool: async (id: string, knowledgeBase: Vapi.KnowledgeBase): Promise<void> => {
      await client.tools.update({ id, body: { type: "query", knowledgeBases: [knowledgeBase] } }, options).catch(toError);
    },
    removeTool: async (id: string): Promise<void> => {
      await client.tools.delete({ id }, options).catch(toError);
    },
  };
}
