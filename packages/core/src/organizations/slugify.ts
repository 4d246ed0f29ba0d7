import { randomBytes } from "node:crypto";

/** URL-safe organization slug from a display name ("Acme Dental, Inc." → "acme-dental-inc"). */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return slug === "" ? "org" : slug;
}

/** A slug not yet taken: the plain slug first, then with a short random suffix. */
export async function uniqueSlug(name: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  const base = slugify(name);
  if (!(await isTaken(base))) return base;
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = `${base}-${randomBytes(3).toString("hex")}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error("Could not find a free organization slug");
}
