import { describe, expect, it } from "vitest";
import { fieldsOf, humanize, initialValues, valuesToObject } from "./json-schema";

describe("integration form labels and lists", () => {
  it("labels fields in sentence case with acronyms and brands spelled right", () => {
    expect(humanize("requireTls")).toBe("Require TLS");
    expect(humanize("sendgridApiKey")).toBe("SendGrid API key");
    expect(humanize("smtp_host")).toBe("SMTP host");
    expect(humanize("portalId")).toBe("Portal ID");
    expect(humanize("fromNumber")).toBe("From number");
  });

  it("edits a list of strings as comma-separated text: an empty list is an empty field, never `[]`", () => {
    const schema = {
      type: "object",
      properties: { allowedNumbers: { type: "array", items: { type: "string" }, default: [] }, extra: { type: "array", items: { type: "object" } } },
    };
    const fields = fieldsOf(schema);
    expect(fields.map((f) => [f.name, f.type, f.title])).toEqual([
      ["allowedNumbers", "list", "Allowed numbers"],
      ["extra", "json", "Extra"],
    ]);
    expect(initialValues(fields).allowedNumbers).toBe("");
    expect(initialValues(fields, { allowedNumbers: ["+15550001", "+15550002"] }).allowedNumbers).toBe("+15550001, +15550002");
    expect(valuesToObject(fields, { allowedNumbers: " +15550001,+15550002 , ", extra: "" }).value).toEqual({ allowedNumbers: ["+15550001", "+15550002"] });
    expect(valuesToObject(fields, { allowedNumbers: "", extra: "" }).value).toEqual({ allowedNumbers: [] });
  });
});
