export { type BookingRequest, bookingSchema, type CalcomBooking, cancelBooking, createBooking, getSlots, rescheduleBooking } from "./bookings";
export { BOOKINGS_API_VERSION, CALCOM_BASE_URL, calcomRequest, SLOTS_API_VERSION } from "./calcom-request";
export { type CalcomConfig, calcomConfigSchema } from "./config";
