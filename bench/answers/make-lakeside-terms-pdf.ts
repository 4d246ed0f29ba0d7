/**
 * Builds lakeside-self-storage/terms.pdf, the PDF of that held-out answer set, with the repo's PDF fixture builder
 * (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-lakeside-terms-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Lakeside Self Storage - summary of the storage agreement

This summary does not replace your storage agreement, which you sign when you move in.

1. Deposit and payment
A refundable deposit equal to one week's rent is paid when you move in. Rent is paid every four weeks in advance by card or direct debit. The deposit is returned within 14 days of moving out, once the unit has been checked.

2. Late payment
If rent is more than 7 days late we add a late fee of €20 and your PIN is stopped until the account is paid. If rent is unpaid for 60 days we may sell the contents of the unit to cover what is owed, after writing to you twice.

3. Things you must not store
Food or anything that rots, live animals or plants, flammable liquids and gas bottles, paint thinners, fireworks, firearms and ammunition, waste, and anything illegal. Petrol must be drained from lawnmowers and other engines.

4. Living and working in the unit
You may not live or sleep in a unit, or use it as a workshop or office. Business customers may pack and sort their own stock.

5. Your lock
Only your own lock may be used on your unit, and you keep the only key. If you lose your key we can cut the lock off for a fee of €35, after seeing your photo ID.

6. Moving out
Give us at least 7 days' notice. Leave the unit empty and swept, and take your lock off. Rubbish left behind is removed at a charge of €50.

7. Price changes
We may change the rent with 28 days' written notice, no more than once a year.`;

// Helvetica in pdf-lib encodes WinAnsi, which has the euro sign.
const bytes = await buildPdf({ title: "Lakeside Self Storage - summary of the storage agreement", pages: [page] });
await writeFile(fileURLToPath(new URL("./lakeside-self-storage/terms.pdf", import.meta.url)), bytes);
console.log(`terms.pdf: ${bytes.length} bytes`);
