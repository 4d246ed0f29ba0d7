/**
 * Builds cedar-hill-music-school/studio-policies.pdf with the repo's PDF fixture builder (pdf-lib, Helvetica).
 * From the repo root: `npx tsx bench/heldout-answers/make-pdf/make-cedar-policies-pdf.mts`.
 */
import { writeFile } from "node:fs/promises";
import { buildPdf } from "../../../packages/rag/src/testing/index.ts";

const page = `Cedar Hill Music School - studio policies 2026-2027

Billing
Tuition is charged automatically to the card on file on the 1st of each month. Payments made after the 10th of the month carry a $15 late fee. We also accept checks made out to Cedar Hill Music School.

Missed lessons
If you let us know at least 24 hours before the lesson, we schedule a make-up lesson within the next 30 days. Each student can have up to three make-up lessons per school year. Lessons missed without 24 hours' notice are not made up or refunded. If your teacher cancels, you always get a make-up lesson or a credit on your next bill.

Bad weather
When Buncombe County Schools close for snow or ice, the studio is closed too, and all lessons that day move online at the usual time.

Stopping lessons
To stop private lessons, give us written notice by email 30 days in advance. Tuition already paid for the current month is not refunded.

Drop-off and pick-up
Students under 12 must be walked up to the front desk and collected there by an adult. Please pick your child up within 10 minutes of the end of the lesson.

Illness
Please do not come to the studio with a fever or a stomach bug. Switch the lesson to Zoom instead, or cancel it with 24 hours' notice.

Photos and video
We sometimes photograph recitals for our website and newsletter. Tell the front desk if you do not want your child to appear in them.`;

const bytes = await buildPdf({ title: "Cedar Hill Music School - studio policies 2026-2027", pages: [page] });
await writeFile(new URL("../cedar-hill-music-school/studio-policies.pdf", import.meta.url), bytes);
console.log(`studio-policies.pdf: ${bytes.length} bytes`);
