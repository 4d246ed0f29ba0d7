import { chromium, type Browser } from "playwright-core";

/** Flags that let Debian's Chromium run headless in a container without reaching the network. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
];

/** Launches the system Chromium (CHROMIUM_PATH overrides /usr/bin/chromium); close it in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: chromiumArgs,
  });
}
