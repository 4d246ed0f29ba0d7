/**
 * Builds wattle-creek-kennels/boarding-conditions.pdf, the PDF of that answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-wattle-conditions-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Wattle Creek Boarding Kennels & Cattery - boarding conditions

Deposits and payment
A deposit of 50% is needed to confirm a booking in peak season; at other times the deposit is one night. The balance is paid when you collect your pet, by card, cash or bank transfer.

Cancellations
Deposits are refunded in full if you cancel more than 14 days before the stay. With less notice we keep the deposit, but you can use it for another stay within six months.

Minimum stay
The minimum stay is two nights, or four nights over Christmas and Easter. Collection after 4pm on the day of departure is charged as an extra night.

Fleas, ticks and worms
All pets must be treated for fleas and intestinal worms before they arrive. From October to March, dogs must also be on a current paralysis tick preventative. Pets found with fleas are treated at your cost ($25).

Medication and vet care
List any medication on the booking form and bring it in its original packaging. If your pet becomes unwell, we take them to Ballarat Veterinary Practice on Armstrong Street North, and you pay the vet's fees.

Older pets
Dogs and cats over 10 years old are very welcome. We check them twice a day and can give soft food and extra bedding.

Dogs that bite
We may refuse to board a dog that is aggressive towards people. Dogs must be on a lead at drop-off and pick-up.`;

const bytes = await buildPdf({ title: "Wattle Creek Boarding Kennels & Cattery - boarding conditions", pages: [page] });
await writeFile(fileURLToPath(new URL("./wattle-creek-kennels/boarding-conditions.pdf", import.meta.url)), bytes);
console.log(`boarding-conditions.pdf: ${bytes.length} bytes`);
