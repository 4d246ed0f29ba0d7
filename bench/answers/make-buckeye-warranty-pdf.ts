/**
 * Builds buckeye-plumbing-heating/warranty.pdf, the PDF of that held-out answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-buckeye-warranty-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Buckeye Plumbing & Heating - our guarantees and payment terms

Workmanship guarantee
All of our repair work is guaranteed for one year from the date of the repair. If the same problem comes back in that time, we fix it at no charge. Installations of new water heaters, furnaces and air conditioners carry a five-year labor guarantee.

Manufacturer warranties
New equipment comes with the manufacturer's parts warranty, usually 6 to 10 years. We register the equipment with the manufacturer for you within 30 days so that the full warranty applies.

Parts you supply
We are happy to install fixtures you bought yourself, but we cannot guarantee parts we did not supply. Our workmanship guarantee still applies to the installation.

No mess promise
We protect your floors with drop cloths and clean up when we finish. If we leave a mess, your next service call is free.

Appointment windows
We book two-hour arrival windows: 8 to 10, 10 to 12, 12 to 2 and 2 to 4. If we are more than 30 minutes late for your window without calling you, we take $50 off the bill.

Payment
Payment is due when the job is finished. We take cash, checks, Visa, Mastercard, Discover and American Express. Commercial accounts are invoiced with 30-day terms.

Cancellations
There is no charge to cancel or reschedule if you give us at least 4 hours' notice.`;

const bytes = await buildPdf({ title: "Buckeye Plumbing & Heating - our guarantees and payment terms", pages: [page] });
await writeFile(fileURLToPath(new URL("./buckeye-plumbing-heating/warranty.pdf", import.meta.url)), bytes);
console.log(`warranty.pdf: ${bytes.length} bytes`);
