// A realistic inbound Vapi phone call as its server URL sees it, message by message (shapes from the SDK's
// ServerMessage union and protocols.md): ids, timestamps and the call object as Vapi sends them.

export interface VapiCallScript {
  callId: string;
  controlUrl: string;
  messages: Array<{ message: Record<string, unknown> }>;
}

export function vapiCall(options: { callId: string; controlUrl: string; customer?: string; startMs?: number }): VapiCallScript {
  const start = options.startMs ?? Date.parse("2026-12-04T10:00:00.000Z");
  const customer = { number: options.customer ?? "+14155550123" };
  const call = {
    id: options.callId,
    orgId: "org-vapi-1",
    type: "inboundPhoneCall",
    createdAt: new Date(start - 2_000).toISOString(),
    updatedAt: new Date(start - 2_000).toISOString(),
    startedAt: new Date(start).toISOString(),
    status: "in-progress",
    customer,
    phoneNumberId: "pn-1",
    monitor: { listenUrl: "wss://phone-call-websocket.example/listen", controlUrl: options.controlUrl },
  };
  const at = (seconds: number) => start + seconds * 1000;
  const envelope = (type: string, seconds: number, fields: Record<string, unknown> = {}) => ({
    message: { type, timestamp: at(seconds), call, customer, phoneNumber: { id: "pn-1", number: "+18005550100" }, ...fields },
  });
  return {
    callId: options.callId,
    controlUrl: options.controlUrl,
    messages: [
      envelope("assistant-request", -1),
      envelope("status-update", 0, { status: "in-progress" }),
      envelope("speech-update", 1, { status: "started", role: "assistant", turn: 0 }),
      envelope("transcript", 2.5, { role: "assistant", transcriptType: "final", transcript: "Hi! How can I help you today?" }),
      envelope("transcript", 4, { role: "user", transcriptType: "partial", transcript: "What time do" }),
      envelope("transcript", 5, { role: "user", transcriptType: "final", transcript: "What time do you open on Monday?" }),
      envelope("knowledge-base-request", 5.2, {
        messages: [
          { role: "bot", message: "Hi! How can I help you today?", time: at(2.5), secondsFromStart: 2.5 },
          { role: "user", message: "What time do you open on Monday?", time: at(5), secondsFromStart: 5 },
        ],
        messagesOpenAIFormatted: [
          { role: "assistant", content: "Hi! How can I help you today?" },
          { role: "user", content: "What time do you open on Monday?" },
        ],
      }),
      envelope("tool-calls", 6, {
        toolCallList: [
          { id: "call_search_1", type: "function", function: { name: "search_knowledge", arguments: '{"query":"opening hours Monday"}' } },
          { id: "call_lead_1", type: "function", function: { name: "log_lead", arguments: { phone: "+14155550123", note: "asked about hours" } } },
        ],
        toolWithToolCallList: [
          {
            type: "function",
            function: { name: "log_lead" },
            server: { url: "https://ignored.example" },
            toolCall: { id: "call_lead_1", type: "function", function: { name: "log_lead", arguments: '{"phone":"+14155550123"}' } },
          },
        ],
        // The docs' older example shape.
        toolCalls: [
          { id: "call_legacy_1", name: "escalate_to_manager", parameters: { reason: "x" } },
          { id: "call_broken_1", name: "notify_crm", parameters: { note: "hours" } },
        ],
      }),
      envelope("transcript", 8, { role: "assistant", transcriptType: "final", transcript: "We open at 8am on weekdays.\nAnything else?" }),
      envelope("user-interrupted", 8.5),
      envelope("conversation-update", 9, { messages: [{ role: "user", message: "What time do you open on Monday?" }], messagesOpenAIFormatted: [] }),
      envelope("transcript", 10, { role: "user", transcriptType: "final", transcript: "Perfect, thank you!" }),
      envelope("hang", 11),
      envelope("status-update", 12, { status: "ended", endedReason: "customer-ended-call" }),
      envelope("end-of-call-report", 13, {
        endedReason: "customer-ended-call",
        startedAt: new Date(start).toISOString(),
        endedAt: new Date(at(12.5)).toISOString(),
        cost: 0.0734,
        costs: [{ type: "model", cost: 0.01 }],
        analysis: { summary: "Caller asked for Monday opening hours; told 8am.", structuredData: { intent: "hours" }, successEvaluation: "true" },
        artifact: {
          recordingUrl: "https://storage.vapi.example/recordings/call.wav",
          transcript: "AI: Hi! How can I help you today?\nUser: What time do you open on Monday?\nAI: We open at 8am on weekdays.\nUser: Perfect, thank you!",
          messages: [
            { role: "bot", message: "Hi! How can I help you today?", time: at(2.5), endTime: at(3.5), secondsFromStart: 2.5, duration: 1000 },
            { role: "user", message: "What time do you open on Monday?", time: at(5), endTime: at(6), secondsFromStart: 5, duration: 1000 },
          ],
        },
      }),
    ],
  };
}
