/**
 * Builds lakeview-optical/patient-policies.pdf with the repo's PDF fixture builder (pdf-lib, Helvetica).
 * From the repo root: `npx tsx bench/heldout-answers/make-pdf/make-lakeview-policies-pdf.mts`.
 */
import { writeFile } from "node:fs/promises";
import { buildPdf } from "../../../packages/rag/src/testing/index.ts";

const page1 = `Lakeview Optical & Eye Care - patient and eyewear policies (updated January 2026)

Appointments and late arrivals
Please give us at least 24 hours' notice if you need to cancel or reschedule an eye exam. A missed appointment without notice is charged a $40 no-show fee, which insurance does not cover. If you arrive more than 15 minutes late, we may need to move you to a later time the same day or reschedule.

Patients under 18
A parent or legal guardian must come with patients under 18 to their first visit. After that, teens aged 16 and 17 may come alone if a parent has signed our consent form.

Your prescription
We give you a printed copy of your glasses prescription at the end of every exam at no charge. Copies requested later are sent by email within 2 business days. Your contact lens prescription is released after the fitting is finished, including any follow-up visit.

Deposits and payment
Glasses and contact lens orders require a 50% deposit when you order; the balance is due at pick-up. Insurance benefits are applied at the time of your order.

Frame warranty
Every frame we sell comes with a 1-year warranty against manufacturing defects. Frames that break under normal wear in the first year are replaced once at no cost. Damage from pets, sitting on your glasses or lost glasses is not covered by the warranty.

Lens satisfaction guarantee
If you are not happy with your new lenses, tell us within 60 days of pick-up. We will remake them once with a different lens design or material at no charge. For progressive lenses, we ask that you wear them for at least 2 weeks before asking for a remake, because most people need that long to adapt.`;

const page2 = `Prescription changes
If your prescription needs to be changed within 90 days of your exam, the recheck visit with the same doctor is free and new lenses are remade at no cost.

Returns and refunds
Frames with prescription lenses are custom-made and cannot be returned for a refund. Non-prescription sunglasses and accessories can be returned unused within 30 days with the receipt. Unopened boxes of contact lenses can be returned within 1 year for store credit, as long as they are not expired.

Protection plan
For $49 per pair, our optional Accident Protection Plan covers one replacement of lenses and frame for accidental damage within 2 years of purchase. A $35 deductible applies. The plan must be bought on the day you order the glasses.

Uncollected glasses
We keep finished glasses for 90 days. After that, deposits are not refunded and the glasses may be donated.

Privacy
We follow HIPAA rules. We will not share your health information without your written permission, except to bill your insurance or to send a referral you agreed to.`;

const bytes = await buildPdf({ title: "Lakeview Optical & Eye Care - patient and eyewear policies", pages: [page1, page2] });
await writeFile(new URL("../lakeview-optical/patient-policies.pdf", import.meta.url), bytes);
console.log(`patient-policies.pdf: ${bytes.length} bytes`);
