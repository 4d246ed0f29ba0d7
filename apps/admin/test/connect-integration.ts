import type { Page } from "playwright-core";

/**
 * Connects an integration from the /integrations catalogue: fills the form rendered from its JSON Schema (fields by
 * id), unticks `unchecks`, "Test and save", and waits for the connected card.
 */
export async function connectIntegration(page: Page, type: string, label: string, fields: Record<string, string>, unchecks: string[] = []) {
  await page.getByRole("button", { name: `Connect ${label}` }).click();
  const dialog = page.getByRole("dialog");
  for (const [field, value] of Object.entries(fields)) await dialog.locator(`#integration-${type}-${field}`).fill(value);
  for (const field of unchecks) await dialog.locator(`#integration-${type}-${field}`).uncheck();
  await dialog.getByRole("button", { name: "Test and save" }).click();
  await dialog.waitFor({ state: "detached", timeout: 60_000 });
  await page.locator(`[data-integration="${type}"][data-status="connected"]`).waitFor();
}
