/**
 * Builds clockwork-key-escape-rooms/booking-terms.pdf, the PDF of that answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-clockwork-terms-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Clockwork Key Escape Rooms - booking terms

Booking and payment
Games are booked online or by phone and paid in full when you book. Your booking is for the whole room: no other group will be added to your game. You'll receive a confirmation email with a link to the online waiver, which every player must sign before the game.

Changing your group size
You can add players up to the room's maximum until the start of your game and pay the difference at the venue. If fewer players come than you booked, we can't refund the missing players, but the unused amount stays on your booking as credit for a future visit.

Rescheduling and cancelling
You can move your game to another date free of charge up to 48 hours before it starts. If you cancel at least 48 hours ahead, you get a full refund. Cancellations within 48 hours of the game, and groups that don't show up, are not refunded; we'll offer you a voucher worth half of what you paid instead.
If we have to cancel because of bad weather or a technical problem, you choose between a new date and a full refund.

Arriving late
Games start on time because the next group follows yours. If your group is late, your game is shortened by the time you missed. If you arrive more than 30 minutes late, we can't run the game and the booking counts as a no-show.

Safety and conduct
Players who are drunk or under the influence won't be allowed to play, and their fee isn't refunded. Nothing in the rooms needs force: please don't climb on furniture, pull on fixtures or take the room apart. If something is broken on purpose, we'll charge the cost of the repair to the person who booked.

Health
Tell us when you book if anyone in your group has epilepsy; the Lighthouse has flashing lights during the storm scene, and we can switch them off for your game. Players with a heart condition or who are pregnant should skip the Lighthouse ladder.

Recording and privacy
The rooms are watched on camera so your game master can help you; nothing is recorded or kept. Your team photo is only posted on our social media if the person who booked agrees.`;

const bytes = await buildPdf({ title: "Clockwork Key Escape Rooms - booking terms", pages: [page] });
await writeFile(fileURLToPath(new URL("./clockwork-key-escape-rooms/booking-terms.pdf", import.meta.url)), bytes);
console.log(`booking-terms.pdf: ${bytes.length} bytes`);
