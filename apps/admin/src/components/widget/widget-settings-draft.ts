import type { RouterInputs, RouterOutputs } from "@/lib/trpc";

export type Bot = RouterOutputs["bots"]["get"];
type BotUpdate = RouterInputs["bots"]["update"]["data"];
export type LeadCaptureDraft = Bot["leadCapture"];
export type LeadField = LeadCaptureDraft["fields"][number];

/** The widget settings form edits plain strings; empty ones mean "use the default" and are left out on save. */
export interface WidgetSettingsDraft {
  name: string;
  avatarUrl: string;
  primaryColor: string;
  launcherLabel: string;
  position: "bottom-right" | "bottom-left";
  locale: string;
  suggestedQuestions: string[];
  greeting: string;
  allowedOrigins: string;
  leadCapture: LeadCaptureDraft;
}

export function draftFromBot(bot: Bot): WidgetSettingsDraft {
  const appearance = bot.appearance;
  return {
    name: appearance.name ?? "",
    avatarUrl: appearance.avatarUrl ?? "",
    primaryColor: appearance.primaryColor ?? "",
    launcherLabel: appearance.launcherLabel ?? "",
    position: appearance.position ?? "bottom-right",
    locale: appearance.locale ?? "",
    suggestedQuestions: appearance.suggestedQuestions ?? [],
    greeting: bot.greeting,
    allowedOrigins: bot.allowedOrigins.join("\n"),
    leadCapture: bot.leadCapture,
  };
}

const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());

/** The `bots.update` payload for a draft; the API validates and normalizes it. */
export function updateFromDraft(draft: WidgetSettingsDraft): BotUpdate {
  const questions = draft.suggestedQuestions.map((question) => question.trim()).filter(Boolean);
  return {
    greeting: draft.greeting,
    allowedOrigins: draft.allowedOrigins
      .split(/\s*[\n,]\s*/)
      .map((origin) => origin.trim())
      .filter(Boolean),
    appearance: {
      name: optional(draft.name),
      avatarUrl: optional(draft.avatarUrl),
      primaryColor: optional(draft.primaryColor),
      launcherLabel: optional(draft.launcherLabel),
      position: draft.position,
      locale: optional(draft.locale),
      suggestedQuestions: questions.length > 0 ? questions : undefined,
    },
    leadCapture: draft.leadCapture,
  };
}
