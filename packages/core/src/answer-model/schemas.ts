import { z } from "zod";

/** Providers an organization may choose; "none" = extractive answers (no language model). */
export const answerModelProviders = ["openai", "anthropic", "google", "ollama", "none"] as const;
export const answerModelProviderSchema = z.enum(answerModelProviders);
export type AnswerModelProvider = z.infer<typeof answerModelProviderSchema>;

/** "default" removes the organization's setting: the server default (LLM_* environment variables) applies. */
const providerChoice = z.enum(["default", ...answerModelProviders], {
  error: `provider must be one of default, ${answerModelProviders.join(", ")}`,
});

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** PUT body: the whole setting. A blank or omitted apiKey keeps the stored one while provider and baseUrl stay. */
export const setAnswerModelInput = z
  .object({
    provider: providerChoice,
    /** Unset → the provider's default model. */
    model: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(200, "model is longer than 200 characters")
        .regex(/^[A-Za-z0-9][A-Za-z0-9._:/@-]*$/, "model may contain letters, digits and . _ : / @ - only")
        .nullish(),
    ),
    /** Write-only; never returned. null removes a stored key (OpenAI-compatible servers that need none). */
    apiKey: z.preprocess(blankToUndefined, z.string().trim().max(1000, "apiKey is longer than 1000 characters").nullish()),
    /** OpenAI-compatible server (openai) or Ollama server (ollama, required). */
    baseUrl: z.preprocess(
      blankToUndefined,
      z.url({ protocol: /^https?$/, error: "baseUrl must be an http(s) URL" }).max(500, "baseUrl is longer than 500 characters").nullish(),
    ),
  })
  .strict();
export type SetAnswerModelInput = z.input<typeof setAnswerModelInput>;

export const answerModeSchema = z.enum(["model", "extractive"]);
export type AnswerMode = z.infer<typeof answerModeSchema>;

const activeModelSchema = z.object({
  /** "model": a language model writes answers; "extractive": answers are quoted passages with citations. */
  answerMode: answerModeSchema,
  /** e.g. "openai"; null in extractive mode. */
  provider: z.string().nullable(),
  model: z.string().nullable(),
});

/** What callers may see of the setting: never the key, only whether one is stored and a masked hint. */
export const answerModelSchema = z.object({
  /** The mode answers use now (the organization's setting, else the server default). */
  answerMode: answerModeSchema,
  /** Whose setting is active. */
  source: z.enum(["organization", "server"]),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  /** One line for people, e.g. "Answers by openai/gpt-4.1-mini (server default)". */
  description: z.string(),
  /** The organization's own setting; null = none (server default). */
  organization: z
    .object({
      provider: answerModelProviderSchema,
      model: z.string().nullable(),
      baseUrl: z.string().nullable(),
      hasKey: z.boolean(),
      /** Masked key ("••••abcd"), null without a key. */
      keyHint: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** What the environment configures for every organization without a setting. */
  serverDefault: activeModelSchema,
});
export type AnswerModelView = z.infer<typeof answerModelSchema>;

/** POST …/test body: settings to try before saving (same rules as PUT); omitted = the active model. */
export const testAnswerModelInput = setAnswerModelInput.optional();

export const answerModelTestResultSchema = z.object({
  ok: z.boolean(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  /** The provider's own error, readable (keys removed), when ok is false. */
  error: z.string().optional(),
  /** The model's reply to the one-line prompt, shortened. */
  reply: z.string().optional(),
  durationMs: z.number().int(),
});
export type AnswerModelTestResult = z.infer<typeof answerModelTestResultSchema>;
