/**
 * Builds kestrel-physiotherapy/policies.pdf, the PDF of that held-out answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-kestrel-policies-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Kestrel Physiotherapy - patient information and clinic policies

Your first appointment
Please arrive ten minutes early to fill in a short health questionnaire. Your physiotherapist will ask about your problem and your general health, examine you and start treatment in the same session. Bring a list of any medicines you take and any scan or X-ray reports.

Cancellations and missed appointments
We ask for at least 24 hours' notice if you need to cancel or move an appointment. Appointments cancelled with less notice are charged at half the fee, and appointments missed without any notice are charged in full. We understand emergencies happen and will always talk to you first.

Running late
If you arrive late your session will still end at the booked time so that the next patient is not kept waiting.

Payment
We accept debit and credit cards, Apple Pay and Google Pay. We do not accept cash or cheques. Receipts are emailed to you after each session.

Chaperones
You may ask for a chaperone at any appointment, and a chaperone is always offered for pelvic health assessments. Let reception know when you book.

Your records
Your notes are kept securely for eight years after your last appointment (for patients under 18, until their 25th birthday). You can ask for a copy of your records in writing at any time, free of charge.

Complaints
If you are unhappy with your care, please speak to Hannah Okafor, our clinical director. We will reply to a written complaint within 14 days.`;

// Helvetica in pdf-lib encodes WinAnsi, which has the pound sign and curly apostrophes.
const bytes = await buildPdf({ title: "Kestrel Physiotherapy - patient information and clinic policies", pages: [page] });
await writeFile(fileURLToPath(new URL("./kestrel-physiotherapy/policies.pdf", import.meta.url)), bytes);
console.log(`policies.pdf: ${bytes.length} bytes`);
