import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIntegrationTools, runAction } from "../src";
import { renderEmailTemplate } from "../src/email";
import { startSmtpFake } from "./fakes/smtp-fake";

describe("email templates: escaped HTML and plain text from one definition", () => {
  it("hot lead alert escapes visitor text in HTML and keeps it verbatim in text", () => {
    const email = renderEmailTemplate("hot_lead_alert", {
      businessName: "Acme <Plumbing>",
      lead: { name: "Ada <script>alert(1)</script>", email: "ada@example.com", phone: "+14155550123" },
      score: 91,
      urgency: "high",
      budgetRange: "$5k & up",
      summary: 'Burst pipe, "today" please',
      conversationUrl: "https://desk.example.com/c/1?a=1&b=2",
    });
    expect(email.subject).toBe("Hot lead: Ada <script>alert(1)</script> (score 91/100)");
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("Ada &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).toContain("$5k &amp; up");
    expect(email.html).toContain("Burst pipe, &quot;today&quot; please");
    expect(email.html).toContain('href="https://desk.example.com/c/1?a=1&amp;b=2"');
    expect(email.html).toContain("Acme &lt;Plumbing&gt;");
    expect(email.html.startsWith("<!doctype html>")).toBe(true);
    expect(email.text).toContain("Name: Ada <script>alert(1)</script>\nEmail: ada@example.com\nPhone: +14155550123\nUrgency: high\nBudget: $5k & up");
    expect(email.text).toContain("Open the conversation: https://desk.example.com/c/1?a=1&b=2");
    expect(email.text).not.toContain("Company:");
  });

  it("escalation alert keeps the subject on one line", () => {
    const email = renderEmailTemplate("escalation_alert", { reason: "Refund\r\nBcc: victim@example.com", lastMessage: "I want my money back", visitor: { email: "bo@example.com" } });
    expect(email.subject).toBe("Needs a human: Refund Bcc: victim@example.com");
    expect(email.text).toContain("Visitor: bo@example.com");
    expect(email.text).toContain("Last message: “I want my money back”");
  });

  it("appointment confirmation shows the time in the attendee's zone", () => {
    const email = renderEmailTemplate("appointment_confirmation", {
      businessName: "Acme",
      attendeeName: "Ada",
      start: "2050-09-05T09:00:00.000Z",
      timeZone: "America/New_York",
      durationMinutes: 30,
      location: "https://meet.example.com/x",
      rescheduleUrl: "https://cal.example.com/r/1",
    });
    expect(email.subject).toBe("Confirmed: Acme on Mon 5 Sep, 5:00 AM");
    expect(email.text).toContain("When: Mon 5 Sep, 5:00 AM (America/New_York)\nDuration: 30 minutes\nWhere: https://meet.example.com/x");
    expect(email.html).toContain('href="https://cal.example.com/r/1"');
  });

  it("daily summary lists counts and top leads", () => {
    const email = renderEmailTemplate("daily_summary", { businessName: "Acme", date: "2050-09-05", conversations: 42, leads: 1, bookings: 3, topLeads: [{ name: "Ada", score: 91, summary: "Pipe <burst>" }] });
    expect(email.subject).toBe("Acme daily summary for 2050-09-05: 1 lead, 3 bookings");
    expect(email.text).toContain("Conversations: 42\nLeads: 1\nHot leads: 0\nBookings: 3\nEscalations: 0");
    expect(email.text).toContain("- Ada (91/100) – Pipe <burst>");
    expect(email.html).toContain("<li>Ada (91/100) – Pipe &lt;burst&gt;</li>");
  });

  it("rejects unsafe links and bad data with zod errors naming the field", () => {
    expect(() => renderEmailTemplate("hot_lead_alert", { lead: {}, summary: "x", conversationUrl: "javascript:alert(1)" })).toThrow(/conversationUrl/);
    expect(() => renderEmailTemplate("appointment_confirmation", { attendeeName: "A", start: "2050-09-05T09:00:00Z", timeZone: "Mars/Olympus" })).toThrow(/time zone/);
  });
});

describe("template actions over real SMTP (smtp-server on 127.0.0.1)", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpFake>>;
  let config: Record<string, unknown>;
  const ctx = { allowPrivateNetworks: true };
  beforeEach(async () => {
    smtp = await startSmtpFake({ username: "desk", password: "s3cret" });
    config = { host: "127.0.0.1", port: smtp.port, requireTls: false, username: "desk", password: "s3cret", from: "Desk <desk@acme.test>", recipients: ["team@acme.test"] };
  });
  afterEach(() => smtp.close());

  it("alert_hot_lead mails the team a multipart message with Reply-To set to the lead", async () => {
    const result = await runAction({ integrationId: "email", action: "alert_hot_lead", config, input: { lead: { name: "Ada", email: "ada@example.com" }, score: 88, summary: "Needs a new boiler" }, ctx });
    expect(result).toMatchObject({ via: "smtp", accepted: ["team@acme.test"] });
    const raw = smtp.received[0]?.raw ?? "";
    expect(smtp.received[0]?.to).toEqual(["team@acme.test"]);
    expect(raw).toContain("Subject: Hot lead: Ada (score 88/100)");
    expect(raw).toContain("Reply-To: ada@example.com");
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toContain("Content-Type: text/plain");
    expect(raw).toContain("Content-Type: text/html");
  });

  it("escalate_to_team needs team recipients", async () => {
    await expect(runAction({ integrationId: "email", action: "escalate_to_team", config: { ...config, recipients: [] }, input: { reason: "Complaint" }, ctx })).rejects.toMatchObject({ code: "not_configured" });
    await runAction({ integrationId: "email", action: "escalate_to_team", config, input: { reason: "Complaint", lastMessage: "This is unacceptable" }, ctx });
    expect(smtp.received[0]?.raw).toContain("Subject: Needs a human: Complaint");
  });

  it("send_appointment_confirmation only reaches visitors when the owner allows it", async () => {
    const input = { to: "ada@example.com", attendeeName: "Ada", start: "2050-09-05T09:00:00Z", timeZone: "Europe/Berlin" };
    await expect(runAction({ integrationId: "email", action: "send_appointment_confirmation", config, input, ctx })).rejects.toMatchObject({ code: "recipient_not_allowed" });
    await runAction({ integrationId: "email", action: "send_appointment_confirmation", config: { ...config, allowAnyRecipient: true }, input, ctx });
    expect(smtp.received[0]?.to).toEqual(["ada@example.com"]);
    expect(smtp.received[0]?.raw).toContain("Subject: Confirmed: Frontdesk on Mon 5 Sep, 11:00 AM");
  });

  it("offers the template actions as tools", async () => {
    const tools = await buildIntegrationTools([{ integrationId: "email", config }]);
    expect(tools.map((t) => t.name)).toEqual(["email_notify_team", "email_send_email", "email_alert_hot_lead", "email_escalate_to_team", "email_send_appointment_confirmation"]);
  });
});
