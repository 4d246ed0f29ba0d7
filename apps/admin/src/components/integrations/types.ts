import type { RouterOutputs } from "@/lib/trpc";

export type IntegrationType = RouterOutputs["integrations"]["types"][number];
export type Integration = RouterOutputs["integrations"]["list"][number];
