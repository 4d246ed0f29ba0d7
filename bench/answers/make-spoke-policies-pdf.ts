/**
 * Builds spoke-and-chain-cycles/policies.pdf, the PDF of that answer set, with the repo's PDF fixture builder
 * (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `tsx bench/answers/make-spoke-policies-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Spoke & Chain Cycles - buying a bike

Returns
Unused bikes and accessories can be returned within 30 days with the receipt for a full refund. Bikes that have been ridden can be exchanged but not refunded.

Warranty
Frames of new bikes are guaranteed for 5 years and all other parts for 2 years. E-bike batteries are guaranteed for 2 years or 500 charging cycles, whichever comes first.

Free first check
Every new bike comes with a free check-up after six weeks, when cables have stretched and the gears need adjusting.

Paying
We accept cards, cash and bank transfer. Bikes over £500 can be paid in 12 monthly instalments at 0% interest. We take part in the Cycle to Work scheme.

Test rides
You can test ride any bike in stock; please bring a photo ID.`;

// Helvetica in pdf-lib encodes WinAnsi, which has the pound sign.
const bytes = await buildPdf({ title: "Spoke & Chain Cycles - buying a bike", pages: [page] });
await writeFile(fileURLToPath(new URL("./spoke-and-chain-cycles/policies.pdf", import.meta.url)), bytes);
console.log(`policies.pdf: ${bytes.length} bytes`);
