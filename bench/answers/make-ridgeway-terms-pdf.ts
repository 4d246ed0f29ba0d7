/**
 * Builds ridgeway-driving-school/terms.pdf, the PDF of that answer set, with the repo's PDF fixture builder
 * (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-ridgeway-terms-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Ridgeway Driving School - terms for pupils

Booking and payment
Lessons are paid for in advance, by bank transfer or by card in the pupil app, at least 24 hours before the lesson. We do not take cash in the car. Block bookings must be used within 12 months of payment.

Cancelling or moving a lesson
Please give us at least 48 hours' notice to cancel or move a lesson. If you cancel with less notice, or are not ready when your instructor arrives, the full lesson fee is charged. If your instructor has to cancel, you can move the lesson or have your money back.

Your first lesson
Your instructor will check your provisional licence and ask you to read a number plate from 20 metres away. If you cannot read it, even with your glasses on, the lesson cannot go ahead and is charged.

Waiting time
Your instructor will wait up to 15 minutes at the pick-up point. After that the lesson counts as missed.

Using the school car for your test
You can take your practical test in your instructor's car if you have had at least 10 hours of lessons with us and your instructor agrees that you are ready.

Leaving us
If you stop learning with us, we refund the unused hours of a block booking. The hours you have already driven are charged at the single lesson price.

Complaints
Please speak to Lynne Pryce first. If we cannot put things right, you can contact the DVSA's ADI Registrar.`;

// Helvetica in pdf-lib encodes WinAnsi, which has the pound sign.
const bytes = await buildPdf({ title: "Ridgeway Driving School - terms for pupils", pages: [page] });
await writeFile(fileURLToPath(new URL("./ridgeway-driving-school/terms.pdf", import.meta.url)), bytes);
console.log(`terms.pdf: ${bytes.length} bytes`);
