import type { EmbedOptions } from "./embed-options";
import type { WidgetConfig } from "./types";

/** What the widget shows: the bot's server-side appearance (validated by the API) with data-* attributes on top. */
export interface WidgetSettings {
  botKey: string;
  apiUrl: string;
  botName: string;
  greeting: string;
  avatarUrl: string | undefined;
  position: string;
  primaryColor: string | undefined;
  launcherLabel: string | null;
  locale: string;
  suggestedQuestions: string[];
}

export function resolveSettings(options: EmbedOptions, config: WidgetConfig): WidgetSettings {
  const a = config.appearance;
  return {
    botKey: options.botKey,
    apiUrl: options.apiUrl,
    botName: config.botName,
    greeting: config.greeting,
    avatarUrl: a.avatarUrl,
    position: options.position ?? a.position ?? "bottom-right",
    primaryColor: options.primaryColor ?? a.primaryColor,
    launcherLabel: options.launcherLabel ?? a.launcherLabel ?? null,
    locale: options.locale ?? a.locale ?? "en",
    suggestedQuestions: a.suggestedQuestions ?? [],
  };
}
