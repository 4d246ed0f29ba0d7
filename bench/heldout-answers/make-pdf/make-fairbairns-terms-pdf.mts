/**
 * Builds fairbairns-dry-cleaners/terms.pdf with the repo's PDF fixture builder (pdf-lib, Helvetica; WinAnsi has £).
 * From the repo root: `npx tsx bench/heldout-answers/make-pdf/make-fairbairns-terms-pdf.mts`.
 */
import { writeFile } from "node:fs/promises";
import { buildPdf } from "../../../packages/rag/src/testing/index.ts";

const page = `Fairbairn's Dry Cleaners & Tailoring - terms of service

Care labels
We clean every garment according to its care label. If a garment has no label, or we think the label is wrong, we will ask you to sign a release form before we clean it at your own risk.

Items left in pockets
Please empty all pockets. We are not responsible for money, jewellery, pens or any other items left in garments.

Checking your garments
Please check your garments when you collect them. Any complaint about cleaning or an alteration must be made within 7 days of collection, with the garment and your ticket.

Compensation
If we damage or lose a garment, we pay its value at the time of loss, taking its age and wear into account, up to a maximum of ten times the cleaning charge. We follow the Textile Services Association code of practice.

Uncollected garments
We keep garments for 90 days. After that we write to you, and if they are still not collected 30 days later, we give them to the Bethany Christian Trust charity shops. Items taken to the charity are not kept for you.

Lost tickets
If you lose your ticket, we can find your order by your name and phone number, and we will ask for photo ID before handing garments over.

Alterations
Alterations are done to the measurements agreed at the fitting. Once a garment has been cut, it cannot be made longer again, so please check the pins carefully before you leave.`;

const bytes = await buildPdf({ title: "Fairbairn's Dry Cleaners & Tailoring - terms of service", pages: [page] });
await writeFile(new URL("../fairbairns-dry-cleaners/terms.pdf", import.meta.url), bytes);
console.log(`terms.pdf: ${bytes.length} bytes`);
