/**
 * Builds little-otters-swim-school/terms.pdf, the PDF of that answer set, with the repo's PDF fixture builder
 * (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-otters-terms-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Little Otters Swim School - terms and conditions for parents

Booking and paying
Your child's place is confirmed when the term's fees are paid in full. Fees for the next term are due two weeks before it starts, and we keep your child's place until then. You can pay by card online or by bank transfer. We can't take cash at the pool.

Missed lessons and make-up lessons
We don't refund missed lessons. If you let us know at least 24 hours before, you can book a make-up lesson in a class at the same stage in the same term, if there is space. You can have up to two make-up lessons a term.

Illness
Please keep your child at home for 48 hours after any sickness or diarrhoea. If your child misses three or more lessons in a row through illness, send us a doctor's note and we will credit those lessons to the next term.

Lessons we cancel
If we have to cancel a lesson, for example because the pool is closed or a teacher is ill, we will offer you a make-up lesson or a credit on the next term's fees.

Leaving
If you don't want your child's place next term, please tell the office before the next term's fees are due. There are no refunds once a term has started, except under the illness rule above.

Arriving late
Please arrive 10 minutes before the lesson starts. If you are more than 10 minutes late, the teacher may not let your child join the class, for safety reasons.

Photos and filming
Photos and filming are not allowed anywhere in the pool area, including the viewing gallery. Twice a year we hold a photo week when a professional photographer takes underwater photos.

Safeguarding
Parents of children under 8 must stay in the building during the lesson. Our safeguarding lead is Gemma Rowe.`;

const bytes = await buildPdf({ title: "Little Otters Swim School - terms and conditions for parents", pages: [page] });
await writeFile(fileURLToPath(new URL("./little-otters-swim-school/terms.pdf", import.meta.url)), bytes);
console.log(`terms.pdf: ${bytes.length} bytes`);
