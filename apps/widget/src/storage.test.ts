import { afterEach, describe, expect, it, vi } from "vitest";
import { createWidgetStorage } from "./storage";

// A localStorage shared by "tabs": every createWidgetStorage here is one tab of the same site.
function stubLocalStorage(): Map<string, string> {
  const items = new Map<string, string>();
  vi.stubGlobal("localStorage", {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  });
  return items;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("widget storage", () => {
  it("creates the visitor id on first use and keeps it", () => {
    const items = stubLocalStorage();
    const tab = createWidgetStorage("pk_test");
    expect(items.has("frontdesk:visitorId")).toBe(false);
    const id = tab.visitorId;
    expect(id).toMatch(/^v_/);
    expect(items.get("frontdesk:visitorId")).toBe(id);
    expect(tab.visitorId).toBe(id);
  });

  it("follows a visitor id another tab wrote after this one opened", () => {
    const items = stubLocalStorage();
    const first = createWidgetStorage("pk_test");
    const second = createWidgetStorage("pk_test");
    // Tabs opened together: the other tab's id is the one its conversation belongs to.
    items.set("frontdesk:visitorId", "v_other-tab");
    expect(first.visitorId).toBe("v_other-tab");
    expect(second.visitorId).toBe("v_other-tab");
  });
});
