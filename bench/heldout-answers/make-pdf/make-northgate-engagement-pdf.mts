/**
 * Builds northgate-tax-bookkeeping/engagement-terms.pdf with the repo's PDF fixture builder (pdf-lib, Helvetica).
 * From the repo root: `npx tsx bench/heldout-answers/make-pdf/make-northgate-engagement-pdf.mts`.
 */
import { writeFile } from "node:fs/promises";
import { buildPdf } from "../../../packages/rag/src/testing/index.ts";

const page = `Northgate Tax & Bookkeeping - terms of engagement for personal tax clients

What we do
We prepare your income tax return from the information and documents you give us, and file it electronically once you have signed the authorization form (T183). We do not audit or verify the information you provide.

Your responsibilities
You are responsible for giving us complete and accurate information, including all income from every source. Please keep your receipts and slips for six years, because the CRA can ask to see them.

Payment
Fees are paid when you sign your return, by debit, credit card or e-transfer. We file your return only after the fee has been paid.

Our mistakes
If the CRA charges you interest or a penalty because of an error we made, we pay that interest or penalty. We do not pay tax that you owed anyway.

Records we keep
We keep a copy of your return and the working papers for seven years. Your original documents are returned to you with your completed return.

Privacy
Your information is used only to prepare your returns and is never sold or shared, except with the CRA and Manitoba Finance as the law requires. Our client portal stores files in Canada.

Ending our work
You can stop our work on your return at any time. We charge only for the work done up to that point, at $140 an hour, up to the full fee.`;

const bytes = await buildPdf({ title: "Northgate Tax & Bookkeeping - terms of engagement", pages: [page] });
await writeFile(new URL("../northgate-tax-bookkeeping/engagement-terms.pdf", import.meta.url), bytes);
console.log(`engagement-terms.pdf: ${bytes.length} bytes`);
