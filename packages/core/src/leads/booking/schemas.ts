import { z } from "zod";
import { timeZoneSchema } from "./time-zone";

/** The booking dialogue of a bot (Bot.booking): with Cal.com connected, booking intent gets the next free slots. */
export const bookingSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Slots offered at once (default 3). */
    slotsOffered: z.number().int().min(1).max(6).default(3),
    /** The zone slots are offered in when the lead's own is unknown (IANA, e.g. "Europe/Madrid"); else Cal.com's. */
    timeZone: timeZoneSchema.optional(),
  })
  .strict();
export type BookingSettings = z.infer<typeof bookingSettingsSchema>;

export function readBookingSettings(value: unknown): BookingSettings {
  const parsed = bookingSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { enabled: false, slotsOffered: 3 };
}
