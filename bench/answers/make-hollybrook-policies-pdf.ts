/**
 * Builds hollybrook-vets/policies.pdf, the PDF of that answer set, with the repo's PDF fixture builder
 * (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `tsx bench/answers/make-hollybrook-policies-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Hollybrook Veterinary Surgery - client policies

Appointments
A consultation lasts 15 minutes. If you need longer, for a second opinion or for more than one pet, ask for a double appointment.

Cancelling
Please give us at least 24 hours' notice if you cannot come. Appointments missed without notice are charged at £20.

Operations
Animals having an operation are admitted between 08:00 and 08:45. Do not feed your pet after 10 pm the night before; water is fine. We ring you once your pet is awake, and most go home the same afternoon.

Visiting
You are welcome to visit a pet staying in our hospital between 14:00 and 16:00. Please ring ahead.

Payment
Fees are due when your pet is seen or collected. Prices include VAT.

Emergencies
Outside our opening hours, ring our usual number and you will be put through to Lakeland Vet Emergency Service. Please ring before you set off so that the vet on duty can get ready. Their call-out fee is £150.`;

// Helvetica in pdf-lib encodes WinAnsi, which has the pound sign.
const bytes = await buildPdf({ title: "Hollybrook Veterinary Surgery - client policies", pages: [page] });
await writeFile(fileURLToPath(new URL("./hollybrook-vets/policies.pdf", import.meta.url)), bytes);
console.log(`policies.pdf: ${bytes.length} bytes`);
