import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seedDashboardHistory } from "./seed-dashboard-history";
import { inBrowser, screenshots, signUp, useAdminStack } from "./stack";

// The dashboard's weekly suggestions card: a seeded week becomes suggestions with their evidence; "Done" and
// "Dismiss" settle them; "Suggest now" makes them without waiting for the weekly run.

const stack = useAdminStack();
const ORGANIZATION = "Suggest Garage";

describe("prompt suggestions card", () => {
  it("lists the week's suggestions with their evidence and settles them with Done and Dismiss", async () => {
    await inBrowser(stack(), "prompt-suggestions", async (page) => {
      const { admin, api } = stack();
      await signUp(page, admin.url, { name: "Sam Suggest", email: "sam@suggest.example", organization: ORGANIZATION });
      await page.goto(admin.url);
      await page.getByTestId("prompt-suggestions").getByText("No suggestions").waitFor();

      const seeded = await seedDashboardHistory(api.prisma, ORGANIZATION);
      // The owner does not wait for Monday: "Suggest now" looks at the past 7 days.
      const card = page.getByTestId("prompt-suggestions");
      await card.getByRole("button", { name: "Suggest now" }).click();
      const gap = card.locator('[data-testid="suggestion"][data-kind="knowledge_gap"]');
      await gap.getByText('3 visitors asked "Where can I park my zafira?" and no document answers it').waitFor();
      await gap.getByText(/also asked as "is there parking for my car", "zafira parking\?"/).waitFor();
      const mapping = card.locator('[data-testid="suggestion"][data-kind="failing_mapping"]');
      await mapping.getByText('The mapping "lot" → parking answered 1 of 4 questions').waitFor();
      await mapping.getByTestId("suggestion-evidence").getByText(/3 of 4/).waitFor();
      await card.screenshot({ path: join(screenshots, "admin-prompt-suggestions.png") });

      await mapping.getByRole("button", { name: "Dismiss" }).click();
      await mapping.waitFor({ state: "detached" });
      await gap.getByRole("button", { name: "Done" }).click();
      await card.getByText("No suggestions").waitFor();
      const rows = await api.prisma.promptSuggestion.findMany({ where: { organizationId: seeded.organizationId }, orderBy: { kind: "asc" } });
      expect(rows.map((row) => [row.kind, row.status])).toEqual([
        ["failing_mapping", "dismissed"],
        ["knowledge_gap", "done"],
      ]);
    });
  });
});
