import { z } from "zod";

export const vapiConfigSchema = z.object({
  apiKey: z.string().min(10).meta({ writeOnly: true }).describe("Vapi private API key (Dashboard → API Keys → Private)"),
});
export type VapiConfig = z.infer<typeof vapiConfigSchema>;
