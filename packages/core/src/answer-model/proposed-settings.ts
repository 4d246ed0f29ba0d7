import type { OrganizationModelSetting } from "@frontdesk/db";
import type { ChatProvider } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import { AppError, type FieldProblem } from "../errors";
import { parseInput } from "../parse-input";
import { destinationGuard } from "../web";
import { setAnswerModelInput, type SetAnswerModelInput } from "./schemas";
import { storedApiKey, storedProvider } from "./stored-setting";

/** A validated setting, with the API key in clear (a new one, or the stored one it keeps). */
export type ProposedSetting =
  | { provider: "default" }
  | { provider: "none" }
  | { provider: ChatProvider; model: string | null; baseUrl: string | null; apiKey: string | null };

/**
 * Checks a PUT body against what each provider needs. The stored key is kept only while provider and base URL
 * stay the same: pointing the organization's key at a different server asks for the key again, so nobody who
 * may edit settings can send a key they cannot read to a server of their choosing.
 */
export async function proposeSetting(
  ctx: ServiceContext,
  rawInput: SetAnswerModelInput,
  stored: OrganizationModelSetting | null,
): Promise<ProposedSetting> {
  const input = parseInput(setAnswerModelInput, rawInput);
  if (input.provider === "default" || input.provider === "none") return { provider: input.provider };

  const provider = input.provider;
  const baseUrl = input.baseUrl ?? null;
  const sameTarget = stored !== null && storedProvider(stored) === provider && (stored.baseUrl ?? null) === baseUrl;
  const apiKey = input.apiKey === null ? null : (input.apiKey ?? (sameTarget && stored ? (storedApiKey(ctx, stored) ?? null) : null));
  const problems: FieldProblem[] = [];
  const keyAgain = stored?.encryptedKey && !sameTarget && input.apiKey === undefined ? " (enter it again: the provider or base URL changed)" : "";

  if (provider === "anthropic" || provider === "google") {
    if (!apiKey) problems.push({ field: "apiKey", message: `${provider} needs an API key${keyAgain}` });
    if (baseUrl) problems.push({ field: "baseUrl", message: "only openai (OpenAI-compatible servers) and ollama take a base URL" });
  } else if (provider === "openai") {
    if (!apiKey && !baseUrl) problems.push({ field: "apiKey", message: `openai needs an API key (or a baseUrl for an OpenAI-compatible server)${keyAgain}` });
  } else if (provider === "ollama") {
    if (!baseUrl) problems.push({ field: "baseUrl", message: "ollama needs the server's baseUrl, e.g. http://ollama.internal:11434" });
    if (input.apiKey) problems.push({ field: "apiKey", message: "ollama takes no API key" });
  }
  if (baseUrl && problems.length === 0) {
    const problem = await unreachableReason(ctx, baseUrl);
    if (problem) problems.push({ field: "baseUrl", message: problem });
  }
  if (problems.length > 0) {
    throw new AppError("validation_failed", `Invalid input: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`, { fields: problems });
  }
  return { provider, model: input.model ?? null, baseUrl, apiKey: provider === "ollama" ? null : apiKey };
}

/** The SSRF guard owner-entered URLs get everywhere else (private addresses need ALLOW_PRIVATE_NETWORK_FETCH). */
async function unreachableReason(ctx: ServiceContext, baseUrl: string): Promise<string | null> {
  const guard = destinationGuard(ctx.config);
  if (!guard) return null;
  try {
    await guard(new URL(baseUrl));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
