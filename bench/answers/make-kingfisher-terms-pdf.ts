/**
 * Builds kingfisher-boat-hire-bath/hire-terms.pdf, the PDF of that answer set, with the repo's PDF fixture builder
 * (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-kingfisher-terms-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Kingfisher Boat Hire - terms of hire

Booking
Boats can be booked online up to 60 days ahead, or hired on the day at the boathouse when one is free. The person who books is the hirer and must be 18 or over and on the boat for the whole hire. For an electric picnic boat the hirer shows a photo ID, such as a driving licence or passport, before setting off.

Changes and cancellations
You can change the date or time of your booking free of charge up to 24 hours before the hire starts. If you cancel more than 72 hours before your hire, we refund you in full. If you cancel between 72 and 24 hours before, we keep 50% of the price. Cancellations within 24 hours and hirers who don't turn up are not refunded. If we close the river for the weather, you choose between a new date and a full refund.

Arriving late
Your hire starts at the booked time. If you arrive late we will still hire you the boat if it is free, but the hire ends at the booked time and the missed time is not refunded. If you are more than 30 minutes late and have not called us, we may give the boat to someone else.

On the water
Keep to the right of the river, as on a road, and give way to rowing crews, swans and larger boats. Never stand up in a rowing boat or canoe. Anyone who appears to be drunk will not be allowed to take a boat out, and no refund is given.

Damage and lost equipment
Please report any damage when you return the boat. Paddles, oars or life jackets that are lost are charged at £40 each. Damage caused by careless use of an electric boat is taken from the £50 deposit, and the deposit is released within 3 working days if the boat comes back undamaged.

Dogs
Well-behaved dogs are welcome in rowing boats and electric picnic boats, but not in canoes or on paddleboards. Dogs must stay on a lead on the landing stage, and we have dog life jackets to borrow for free.

Children
Children under 14 must be with an adult in the same boat. Young people aged 14 to 17 may take out a rowing boat on their own with a consent form signed by a parent or guardian.

Photos
We sometimes take photos on the river for our website and social media. If you would rather not appear in them, just tell our staff when you check in.`;

const bytes = await buildPdf({ title: "Kingfisher Boat Hire - terms of hire", pages: [page] });
await writeFile(fileURLToPath(new URL("./kingfisher-boat-hire-bath/hire-terms.pdf", import.meta.url)), bytes);
console.log(`hire-terms.pdf: ${bytes.length} bytes`);
