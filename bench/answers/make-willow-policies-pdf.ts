/**
 * Builds willow-tree-yoga/policies.pdf, the PDF of that answer set, with the repo's PDF fixture builder
 * (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `tsx bench/answers/make-willow-policies-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Willow Tree Yoga - booking and studio policies

Booking
Book every class in our app or on our website; places open seven days ahead. Drop-ins are welcome when a class is not full, but booked students have priority.

Cancelling a class
You can cancel up to 12 hours before a class and the class goes back on your pass. Later cancellations and no-shows lose the class. Reformer classes need 24 hours' notice.

Arriving late
Doors close 5 minutes after the class begins, so that the class is not disturbed.

Freezing a membership
A monthly membership can be paused for up to two months a year for travel, illness or injury. Ask at reception.

Refunds
Passes are not refundable, but we extend a pass by the length of an illness with a doctor's note.

Private sessions
One-to-one sessions with any of our teachers cost £55 an hour and are booked at the front desk.`;

// Helvetica in pdf-lib encodes WinAnsi, which has the pound sign.
const bytes = await buildPdf({ title: "Willow Tree Yoga - booking and studio policies", pages: [page] });
await writeFile(fileURLToPath(new URL("./willow-tree-yoga/policies.pdf", import.meta.url)), bytes);
console.log(`policies.pdf: ${bytes.length} bytes`);
