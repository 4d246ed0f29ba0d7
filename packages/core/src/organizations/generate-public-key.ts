import { randomBytes } from "node:crypto";

/** Widget key embedded in customers' pages: `pk_` + 24 url-safe characters (18 random bytes). */
export function generatePublicKey(): string {
  return `pk_${randomBytes(18).toString("base64url")}`;
}
