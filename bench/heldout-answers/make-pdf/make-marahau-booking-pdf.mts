/**
 * Builds marahau-sea-kayaks/booking-and-safety.pdf with the repo's PDF fixture builder (pdf-lib, Helvetica).
 * From the repo root: `npx tsx bench/heldout-answers/make-pdf/make-marahau-booking-pdf.mts`.
 */
import { writeFile } from "node:fs/promises";
import { buildPdf } from "../../../packages/rag/src/testing/index.ts";

const page1 = `Marahau Sea Kayaks - booking conditions and safety rules (2026-27 season)

Booking and payment
Guided trips and freedom hire are confirmed when you pay a 25% deposit online or by phone. The balance is paid at the base on the day, before you go on the water. For the two-day camping trip, full payment is due 14 days before departure.

Cancellations by you
Cancel more than 72 hours before your trip and we refund everything except a $20 admin fee. Cancel between 72 and 24 hours before and we keep your deposit. If you cancel less than 24 hours before, or do not show up, the full price is charged. You may change the date once for free if you tell us more than 24 hours ahead, subject to availability.

Cancellations by us
If we cancel because of weather, sea conditions or a track closure, you choose between a full refund and a new date. We are not responsible for other costs such as accommodation or transport.

Age limits
Guided trips: the minimum age is 8, and children under 14 must share a double kayak with a parent or guardian. Freedom hire: children from 5 years can ride in a double with an adult; paddlers in their own single kayak must be 14 or older; the person signing the hire agreement must be at least 18 and show photo ID.

Weight and health
Our kayaks take a maximum of 120 kg per person. Please tell us at booking about any medical conditions, pregnancy, or recent surgery; our guides may ask you to see a doctor first. Anyone who is intoxicated will not be allowed on the water and will not receive a refund.`;

const page2 = `Freedom hire rules
Every freedom hire group must attend the safety briefing at the base before leaving. Kayaks must be back at Marahau beach by 5.00pm (6.30pm from December to February) unless you have booked overnight hire. You must carry the VHF radio we give you and check in on channel 16 by 12 noon each day you are out. Overnight hirers must have a DOC campsite booking for each night.

Damage and lost equipment
We take a $300 bond on a credit card for every freedom hire kayak. It is released when the kayak and gear come back in good condition. A lost paddle costs $150 and a lost spray skirt costs $90. Normal wear and tear is never charged.

Tides
At low tide the water at Marahau goes out more than a kilometre. Departure times may move by up to 90 minutes to match the tide; we confirm your exact time by text the evening before.

Insurance
Our guided trips are covered by public liability insurance. We recommend that overseas visitors have travel insurance that covers water sports. New Zealand's ACC covers accidental injury for everyone, including visitors.`;

const bytes = await buildPdf({ title: "Marahau Sea Kayaks - booking conditions and safety rules", pages: [page1, page2] });
await writeFile(new URL("../marahau-sea-kayaks/booking-and-safety.pdf", import.meta.url), bytes);
console.log(`booking-and-safety.pdf: ${bytes.length} bytes`);
