import { answerModelSchema, answerModelTestResultSchema, setAnswerModelInput } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { problems } from "../problem-schemas";

const tags = ["Organization"];
const AnswerModel = answerModelSchema.meta({ id: "AnswerModel" });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const getAnswerModelSpec = createRoute({
  method: "get",
  path: "/organization/model",
  tags,
  summary: "Get the answer model",
  description:
    "Which answer mode is active (`model`: a language model writes answers; `extractive`: cited passages from the knowledge) and whose setting it is: the organization's own, or the server default (the `LLM_*` environment variables). The API key is never returned: `hasKey` and a masked `keyHint` only.",
  responses: { 200: json(AnswerModel, "The active answer model"), ...problems() },
});

export const setAnswerModelSpec = createRoute({
  method: "put",
  path: "/organization/model",
  tags,
  summary: "Set the answer model",
  description:
    "Replaces the organization's setting. `provider`: `default` (remove the setting: the server default applies), `none` (extractive answers), `openai` (`apiKey` and/or `baseUrl` of an OpenAI-compatible server), `anthropic` or `google` (`apiKey`), `ollama` (`baseUrl`). `model` unset = the provider's default. A blank or omitted `apiKey` keeps the stored key while provider and base URL stay the same. The key is stored encrypted (AES-256-GCM). Takes effect on the next message.",
  request: { body: { required: true, content: { "application/json": { schema: setAnswerModelInput } } } },
  responses: { 200: json(AnswerModel, "Saved"), ...problems(400, 422) },
});

export const testAnswerModelSpec = createRoute({
  method: "post",
  path: "/organization/model/test",
  tags,
  summary: "Test the answer model",
  description:
    "Sends one tiny prompt. With a body (same fields as PUT) it tests those settings without saving them; without one, the model answering now. A refusal is `ok: false` with the provider's error, not an HTTP error.",
  request: { body: { required: false, content: { "application/json": { schema: setAnswerModelInput } } } },
  responses: { 200: json(answerModelTestResultSchema.meta({ id: "AnswerModelTestResult" }), "Outcome of the call"), ...problems(400, 422) },
});
