/**
 * Builds copperline-coworking/member-agreement.pdf, the PDF of that answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-copperline-agreement-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Copperline Coworking - member agreement and house rules (summary)

Term and notice
Monthly plans renew automatically on the 1st of each month. To cancel, give at least 30 days' written notice by email. Day Passes and Flex 10 can be canceled at any time. Unused Flex days do not roll over to the next month.

Deposit
Dedicated Desk and Private Office members pay a refundable deposit equal to one month's fee. We return it within 14 days after you move out and hand back your key cards.

Guests
Members can bring up to two guests a day at no charge, for up to two hours. Guests sign in at the front desk. Guests who stay longer need a Day Pass.

Phone calls and noise
Take calls longer than ten minutes in a phone booth or a meeting room. The second floor is a quiet zone: no calls and no meetings.

Printing
Each monthly plan includes 100 black-and-white pages a month. Print jobs are released with your key card at the printer.

Kitchen
Label food in the fridges with your name and the date. The fridges are cleared every Friday at 4 p.m.

Payment
We charge the card or bank account on file on the 1st of the month. Payments more than 10 days late incur a $35 late fee.`;

const bytes = await buildPdf({ title: "Copperline Coworking - member agreement and house rules", pages: [page] });
await writeFile(fileURLToPath(new URL("./copperline-coworking/member-agreement.pdf", import.meta.url)), bytes);
console.log(`member-agreement.pdf: ${bytes.length} bytes`);
