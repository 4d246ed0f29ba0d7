import { parsePhoneNumber } from "awesome-phonenumber";

const MAX_VARIANTS = 16;

/**
 * The ways one phone number is commonly typed into Salesforce, which stores phones as typed and compares them
 * exactly: the input, E.164 (with and without "+"), the international and national formats, and the national digit
 * groups joined by nothing, spaces, dashes or dots, with and without the country code — "+14155550150" also finds
 * "(415) 555-0150", "415.555.0150" and "+1 415-555-0150". A number without a country code is read as `regionCode`'s
 * (an ISO country, e.g. "US"); one that cannot be read is matched as given.
 */
export function phoneVariants(phone: string, regionCode?: string): string[] {
  const input = phone.trim();
  const parsed = parsePhoneNumber(input, regionCode ? { regionCode } : {});
  if ((!parsed.valid && !parsed.possible) || !parsed.number) return [input];
  const { e164, international, national, significant } = parsed.number;
  const groups = national.match(/\d+/g) ?? [significant];
  const country = `+${parsed.countryCode}`;
  const variants = [input, e164, e164.slice(1), international, national, `${country}${significant}`];
  for (const separator of ["", " ", "-", "."]) {
    const joined = groups.join(separator);
    variants.push(joined, `${country} ${joined}`);
  }
  return [...new Set(variants)].slice(0, MAX_VARIANTS);
}

/** E.164 ("+14155550150") of a number as written, or null when it cannot be read (see phoneVariants). */
export function toE164(phone: string, regionCode?: string): string | null {
  const parsed = parsePhoneNumber(phone.trim(), regionCode ? { regionCode } : {});
  return (parsed.valid || parsed.possible) && parsed.number ? parsed.number.e164 : null;
}
