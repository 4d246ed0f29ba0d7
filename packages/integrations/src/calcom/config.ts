import { z } from "zod";

export const calcomConfigSchema = z.object({
  apiKey: z.string().regex(/^cal_/, "Cal.com API keys start with cal_").meta({ writeOnly: true }).describe("Cal.com API key (cal_live_… or cal_test_…)"),
  eventTypeId: z.number().int().positive().describe("Event type the agent books by default"),
  timeZone: z.string().min(1).default("UTC").describe("IANA time zone used when the visitor gives none"),
});
export type CalcomConfig = z.infer<typeof calcomConfigSchema>;
