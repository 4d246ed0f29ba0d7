export { runLeadAction, type LeadActionKind, type LeadActionOutcome, type LeadActionResult } from "./run-lead-action";
export { loadHotLead, type HotLead } from "./hot-lead";
export { sendHotLeadSms } from "./send-hot-lead-sms";
export { sendHotLeadEmail } from "./send-hot-lead-email";
export { syncLeadContact, syncLeadDeal, syncLeadNote } from "./sync-lead-to-hubspot";
export { logLeadTaskInSalesforce, syncLeadToSalesforce } from "./sync-lead-to-salesforce";
export { sendEscalationEmail, type EscalationOutcome } from "./send-escalation-email";
export { retryPendingLeadActions, MAX_LEAD_ACTION_ATTEMPTS, LEAD_ACTION_IDLE_MS } from "./retry-pending-lead-actions";
