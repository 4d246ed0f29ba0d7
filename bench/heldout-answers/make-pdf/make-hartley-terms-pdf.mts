/**
 * Builds hartley-removals/terms-and-conditions.pdf with the repo's PDF fixture builder (pdf-lib, Helvetica).
 * From the repo root: `npx tsx bench/heldout-answers/make-pdf/make-hartley-terms-pdf.mts`.
 */
import { writeFile } from "node:fs/promises";
import { buildPdf } from "../../../packages/rag/src/testing/index.ts";

const page1 = `Hartley & Daughters Removals Ltd - terms and conditions of removal (April 2026)

1. Booking and deposit
Your move is booked once we receive a deposit of 20% of the quoted price. The balance is payable by bank transfer no later than 2 working days before the move. We accept bank transfer and debit or credit card; card payments over £500 carry no surcharge. We do not accept cash or cheques for the balance.

2. Cancelling or postponing
You may cancel or postpone your move by telling us in writing. If you give more than 10 working days' notice, we refund your deposit in full. With 5 to 10 working days' notice we keep half of the deposit. With less than 5 working days' notice we keep the whole deposit, and if you cancel within 24 hours of the move, 50% of the total price is payable. Postponing to a new date within 3 months is free once.

3. Access and parking
You must make sure our vehicle can park within 20 metres of your front door at both addresses. If a council parking suspension is needed, you are responsible for arranging it; we can apply for it on your behalf for a fee of £35 plus the council's charge. A long carry of more than 20 metres, or more than two flights of stairs without a lift, may be charged extra at £30 per floor if we were not told at the time of the quote.

4. Waiting time
The first 2 hours of waiting at either address are free. After that we charge £50 per hour for a Luton van and crew, or £80 per hour for a lorry and crew, for as long as we are kept waiting.

5. Our liability and insurance
Your goods are covered by our goods-in-transit insurance up to a total of £40,000 per move, and up to £2,500 for any single item. If your belongings are worth more, we can extend the cover for a fee of £1 for every £1,000 of extra value. Items you pack yourself are only covered against total loss, not against breakage, unless the box shows visible outside damage. We are not liable for the mechanical or electrical working of appliances, or for items of flat-pack furniture that are damaged when dismantled.`;

const page2 = `6. Claims
Please check your belongings and tell us about any loss or damage in writing within 7 days of delivery. Claims received after that cannot be accepted. Each claim has an excess of £50.

7. Items we will not move
We will not carry gas bottles, petrol, paint thinners, fireworks, ammunition, or any other flammable or dangerous goods; live animals or plants; perishable food; or cash, jewellery, passports and important documents, which you should carry yourself.

8. Storage
Goods in storage are charged four-weekly in advance. If storage charges are more than 8 weeks overdue, we may, after giving 28 days' written notice, sell the goods to recover what is owed.

9. Complaints
If something goes wrong, please contact Claire Hartley, managing director, first. If we cannot agree, you may use the BAR conciliation service, which is free to customers.`;

const bytes = await buildPdf({ title: "Hartley & Daughters Removals - terms and conditions of removal", pages: [page1, page2] });
await writeFile(new URL("../hartley-removals/terms-and-conditions.pdf", import.meta.url), bytes);
console.log(`terms-and-conditions.pdf: ${bytes.length} bytes`);
