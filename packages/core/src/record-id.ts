import { z } from "zod";

/**
 * What ids of our records look like (Prisma cuids, and test ids such as "m-member-1"). Ids that come from the public
 * widget are checked against it before any query: PostgreSQL refuses some strings outright (a NUL byte is
 * "invalid byte sequence"), which would otherwise surface as a 500 instead of a 404 or 422.
 */
export const recordIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

export const recordId = z.string().regex(recordIdPattern, "is not an id");

export const isRecordId = (value: string): boolean => recordIdPattern.test(value);
