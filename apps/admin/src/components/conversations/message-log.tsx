import { CitationList } from "@/components/bots/citation-list";
import type { RouterOutputs } from "@/lib/trpc";

type Message = RouterOutputs["conversations"]["get"]["messages"][number];

const speaker: Record<Message["role"], string> = {
  user: "Visitor",
  assistant: "Bot",
  operator: "You / team",
  system: "System",
  tool: "Tool",
};

/** The transcript as the team sees it: every role, with citations under bot answers. */
export function MessageLog({ messages }: { messages: Message[] }) {
  return (
    <div className="chat-log tall" aria-live="polite" data-testid="message-log">
      {messages.map((message) => (
        <div key={message.id} className={`bubble ${message.role}`} data-role={message.role}>
          <div className="muted small">
            {speaker[message.role]} · {new Date(message.createdAt).toLocaleTimeString()}
          </div>
          {message.content}
          {message.citations.length > 0 && <CitationList citations={message.citations} />}
        </div>
      ))}
    </div>
  );
}
