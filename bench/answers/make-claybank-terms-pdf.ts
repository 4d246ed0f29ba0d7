/**
 * Builds claybank-pottery-studio/studio-terms.pdf, the PDF of that answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-claybank-terms-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Claybank Pottery Studio - booking terms and studio rules

Booking and payment
Classes are paid in full when you book, online or by phone. Courses of six sessions can be paid in two halves: half when you book and the rest before the third session.

Cancelling
If you cancel more than 14 days before your course starts, we refund you in full. Between 14 and 3 days before, we offer a credit note for another class, valid for six months. With less than 3 days' notice we can't refund or move your place, but you may send a friend in your place.
If we have to cancel a class (illness, a kiln fault), we will offer another date or a full refund.

Missed sessions
If you miss a session of a course, you can catch up at a drop-in practice session on a Sunday afternoon within four weeks, free of charge. Missed sessions are not refunded.

Collecting your work
Finished pieces are kept for eight weeks after we tell you they are ready. After that, uncollected work is donated to the Sheffield Children's Hospital charity sale.

Membership rules
Members book studio time on the members' calendar, up to two weeks ahead. Please clean your wheel, wash tools and wipe surfaces before you leave; a member who leaves a wheel dirty twice receives a written warning. Members may bring a guest once a month for £12, who must be supervised at all times. Membership can be paused for up to two months a year, for example for travel, and ended with one month's notice.

Health and safety
Clay dust is harmful when breathed in, so we clean with wet methods only: never sweep or brush dry clay. Only the studio technician may open or load the kilns. Children under 16 must be accompanied by an adult during private sessions.

Breakages
Pots sometimes crack or explode in the kiln, usually because of trapped air. We can't replace pieces lost in firing, but you are welcome to make another at your next session.`;

const bytes = await buildPdf({ title: "Claybank Pottery Studio - booking terms and studio rules", pages: [page] });
await writeFile(fileURLToPath(new URL("./claybank-pottery-studio/studio-terms.pdf", import.meta.url)), bytes);
console.log(`studio-terms.pdf: ${bytes.length} bytes`);
