import { ConsoleLogger, Inngest, type Logger } from "inngest";

interface AppLogger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
}

let target: Logger = new ConsoleLogger();

/** Sends the SDK's own logs (step errors, sync messages) and `ctx.logger` to the app's logger. */
export function useInngestLogger(logger: AppLogger): void {
  target = logger as Logger;
}

// The client is created once at import; its logger follows whatever useInngestLogger set last.
const delegatingLogger: Logger = {
  info: (...args) => target.info(...args),
  warn: (...args) => target.warn(...args),
  error: (...args) => target.error(...args),
  debug: (...args) => target.debug(...args),
};

/**
 * The one Inngest client of the app. Keys and URLs come from INNGEST_* variables; createEventBus passes the
 * loaded config to it so tests and the CLI can configure it without touching process.env.
 */
export const inngest = new Inngest({ id: "frontdesk", logger: delegatingLogger });
