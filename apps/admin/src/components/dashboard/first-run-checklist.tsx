"use client";

import Link from "next/link";
import type { RouterOutputs } from "@/lib/trpc";

type Checklist = RouterOutputs["analytics"]["firstRun"];
type Step = Checklist["steps"][number]["step"];

/** What each step asks for and where it is done (`botId`: the first bot, for its pages). */
function describe(step: Step, botId: string | undefined): { title: string; hint: string; href: string } {
  const bot = botId ? `/bots/${botId}` : "/bots";
  switch (step) {
    case "knowledge":
      return { title: "Add knowledge", hint: "Upload files, add a web page or FAQs for the bot to answer from.", href: "/knowledge" };
    case "test":
      return { title: "Test your bot", hint: "Ask it a question in the chat preview.", href: bot };
    case "widget":
      return { title: "Customise the widget", hint: "Colour, name, greeting and suggested questions.", href: botId ? `${bot}/widget` : bot };
    case "embed":
      return { title: "Embed it on your site", hint: "Paste the snippet before </body>; the first visitor ticks this.", href: bot };
    case "channel":
      return { title: "Connect a channel", hint: "SMS or WhatsApp through Twilio, phone calls through Vapi.", href: "/integrations" };
  }
}

/** The new owner's next steps, each ticked from real data (a ready document, a conversation, …). */
export function FirstRunChecklist({ checklist, botId }: { checklist: Checklist; botId: string | undefined }) {
  const done = checklist.steps.filter((s) => s.done).length;
  return (
    <section className="card" data-testid="first-run-checklist">
      <h2>Get started</h2>
      <p className="muted small">
        {done} of {checklist.steps.length} done
      </p>
      <ol className="checklist">
        {checklist.steps.map(({ step, done: isDone }) => {
          const { title, hint, href } = describe(step, botId);
          return (
            <li key={step} data-testid={`step-${step}`} data-done={isDone}>
              <span className={`check ${isDone ? "done" : ""}`} aria-label={isDone ? "done" : "to do"}>
                {isDone ? "✓" : ""}
              </span>
              <span>
                <Link href={href}>{title}</Link>
                <span className="muted small"> — {hint}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
