import { describe, expect, it } from "vitest";
import { chooseLeadTimeZone, statedTimeZone, timeZoneSchema } from "./time-zone";

describe("statedTimeZone", () => {
  it.each([
    ["I'm in New York, can I book Tuesday?", "America/New_York"],
    ["we are based in San Francisco", "America/Los_Angeles"],
    ["Estoy en Bogotá, ¿puedo reservar?", "America/Bogota"],
    ["vivo en Ciudad de México", "America/Mexico_City"],
    ["any time after 3pm Pacific time", "America/Los_Angeles"],
    ["10am EST works", "America/New_York"],
    ["my zone is UTC-5", "Etc/GMT+5"],
    ["GMT+2 here", "Etc/GMT-2"],
    ["UTC+0", "UTC"],
  ])("%s → %s", (message, zone) => {
    expect(statedTimeZone(message)).toBe(zone);
  });

  it.each([
    "Can I come on Tuesday?",
    "Is Pacific Dental open on Sunday?", // a name, not a zone
    "et cetera, est-ce possible", // lower-case words that are abbreviations elsewhere
    "I love New York pizza", // a place, but nobody said they are there
    "UTC+15",
  ])("%s → nothing", (message) => {
    expect(statedTimeZone(message)).toBeNull();
  });
});

describe("chooseLeadTimeZone", () => {
  const browser = { timeZone: "Europe/Madrid", timeZoneSource: "browser" };
  const stated = { timeZone: "America/Chicago", timeZoneSource: "stated" };
  it("prefers this message's zone, then one stated earlier, then the browser's, the bot's, Cal.com's, UTC", () => {
    expect(chooseLeadTimeZone({ stated: "Asia/Tokyo", conversation: stated, botDefault: "Europe/London" })).toBe("Asia/Tokyo");
    expect(chooseLeadTimeZone({ stated: null, conversation: stated, botDefault: "Europe/London" })).toBe("America/Chicago");
    expect(chooseLeadTimeZone({ stated: null, conversation: browser, botDefault: "Europe/London" })).toBe("Europe/Madrid");
    expect(chooseLeadTimeZone({ stated: null, conversation: {}, botDefault: "Europe/London", calcomDefault: "Europe/Paris" })).toBe("Europe/London");
    expect(chooseLeadTimeZone({ stated: null, conversation: null, calcomDefault: "Europe/Paris" })).toBe("Europe/Paris");
    expect(chooseLeadTimeZone({ stated: null, conversation: { timeZone: "Mars/Olympus" }, calcomDefault: "nowhere" })).toBe("UTC");
  });
  it("accepts IANA names only as a setting or a browser zone", () => {
    expect(timeZoneSchema.safeParse("America/New_York").success).toBe(true);
    expect(timeZoneSchema.safeParse("Mars/Olympus").success).toBe(false);
  });
});
