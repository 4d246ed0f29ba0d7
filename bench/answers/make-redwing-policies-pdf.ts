/**
 * Builds redwing-tattoo-co/studio-policies.pdf, the PDF of that answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-redwing-policies-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Redwing Tattoo Co. - studio policies

Booking and deposits
Appointments are booked through our website or by phone once your artist has agreed the design. Your deposit holds the date; without a deposit we can't reserve time in an artist's book.

Rescheduling and cancellations
You may move your appointment once, free of charge, if you tell us at least 72 hours before it starts; your deposit moves with you. If you cancel or move with less than 72 hours' notice, or don't show up, you lose your deposit and will need to pay a new one to book again.
If your artist is ill or has to cancel, we'll rebook you at the first free date and your deposit stays valid.

Arriving late
Please arrive on time. If you are more than 20 minutes late, your artist may cancel the appointment and the deposit is forfeited. If we can still fit you in, your session will be shortened or simplified.

Designs and drawings
Your artist will show you the drawing on the day of your appointment, not before, and small changes can be made then. Drawings stay the property of the artist and are not given or sold to clients.

Health
Please tell us before your session if you take blood thinners, have diabetes, a heart condition, epilepsy or a skin condition in the area. We may ask for a note from your doctor. We won't tattoo anyone who is drunk or high, or skin with a rash, sunburn or broken skin.

Aftercare and touch-ups
Follow the aftercare sheet your artist gives you. Free touch-ups within three months are only offered when the aftercare was followed; touch-ups on hands, feet and fingers are always charged, because these areas fade fast.

Refunds
Tattoos are permanent and can't be refunded once the work has started. Gift cards and deposits are non-refundable.

Photos
We photograph finished tattoos for our portfolio and social media. If you'd rather your tattoo isn't shared, just tell your artist.`;

const bytes = await buildPdf({ title: "Redwing Tattoo Co. - studio policies", pages: [page] });
await writeFile(fileURLToPath(new URL("./redwing-tattoo-co/studio-policies.pdf", import.meta.url)), bytes);
console.log(`studio-policies.pdf: ${bytes.length} bytes`);
