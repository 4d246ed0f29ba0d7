export { type BookingRequest, bookingSchema, type CalcomBooking, cancelBooking, createBooking, getNextAvailableSlot, getSlots, rescheduleBooking } from "./bookings";
export { BOOKINGS_API_VERSION, CALCOM_BASE_URL, calcomGet, calcomRequest, SLOTS_API_VERSION } from "./calcom-request";
export { type CalcomConfig, calcomConfigSchema } from "./config";
export { formatSlot, formatSlotList, isValidTimeZone, type SlotTextOptions } from "./slot-text";
