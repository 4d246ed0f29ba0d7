/**
 * Builds linden-house-hotel/policies.pdf, the PDF of that answer set, with the repo's PDF fixture builder
 * (pdf-lib, Helvetica, lines wrapped at 95 characters). The PDF is committed; rerun this only to change its text:
 * `tsx bench/answers/make-linden-policies-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const pageOne = `Linden House Hotel - house policies

Booking and payment
We take a deposit of one night's stay when you book. The balance is paid on departure, by card or in cash. We accept Visa, Mastercard and American Express, but not cheques.

Cancellation
Flexible bookings can be cancelled free of charge up to 48 hours before arrival. If you cancel later or do not arrive, the first night is charged. Saver bookings are non-refundable.

Children
Children of all ages are welcome. Children under 5 stay free when they share their parents' room; an extra bed for an older child costs €25 per night.

Groups
For bookings of four rooms or more, please contact us by email; different terms apply.`;

const pageTwo = `Smoking
Linden House is non-smoking throughout, and that includes e-cigarettes. A cleaning fee of €150 is charged if anyone smokes in a room.

Quiet hours
Quiet hours are from 11 pm to 7 am. The front door is locked at midnight; your room key also opens it.

Lost property
We keep items left behind for three months and can post them to you for the cost of postage.`;

// Helvetica in pdf-lib encodes WinAnsi, which has the euro sign.
const bytes = await buildPdf({ title: "Linden House Hotel - house policies", pages: [pageOne, pageTwo] });
await writeFile(fileURLToPath(new URL("./linden-house-hotel/policies.pdf", import.meta.url)), bytes);
console.log(`policies.pdf: ${bytes.length} bytes`);
