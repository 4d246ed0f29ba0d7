/**
 * Builds cardinal-pest-solutions/service-agreement.pdf, the PDF of that answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-cardinal-agreement-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Cardinal Pest Solutions - service agreement and guarantee

Appointments
We give you a two-hour arrival window when you book, and your technician will text you when they are on the way. Most home treatments take 30 to 60 minutes.

Rescheduling and cancelling
Please give us at least 24 hours' notice if you need to cancel or move a visit. If our technician arrives and can't get in, a $50 trip charge applies.

Payment
Payment is due on the day of service. We accept Visa, Mastercard, Discover, American Express, checks and cash. Bed bug heat treatments need a 50% deposit when you book. Home Shield plans are billed monthly to a card on file.

Our guarantee
If the pests we treated come back during the guarantee period shown on your invoice, we will re-treat at no extra charge. If the problem is still there after three re-treatments, we refund what you paid for the treatment. The guarantee does not cover new pests brought in after the treatment, or homes where the preparation checklist was not followed.

Termite guarantee
The 5-year termite guarantee can be renewed every year after that for $250, which includes an annual inspection.

After your treatment
Stay out of treated rooms until surfaces are dry, usually 2 to 4 hours. Wait at least a week before mopping along the baseboards, so the treatment keeps working. After a bed bug heat treatment you can go back in the same evening.

Ending a Home Shield plan
After the first 12 months you can cancel at any time with 30 days' written notice. If you cancel within the first 12 months, an early-cancellation fee of $150 applies.

Insurance
Every technician is covered by our $2 million liability insurance.`;

const bytes = await buildPdf({ title: "Cardinal Pest Solutions - service agreement and guarantee", pages: [page] });
await writeFile(fileURLToPath(new URL("./cardinal-pest-solutions/service-agreement.pdf", import.meta.url)), bytes);
console.log(`service-agreement.pdf: ${bytes.length} bytes`);
