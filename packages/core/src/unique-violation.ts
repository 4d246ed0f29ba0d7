/** Whether a Prisma write failed on a unique constraint (P2002): a concurrent writer got there first. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
