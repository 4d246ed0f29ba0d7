/** The booking dialogue's replies, English and Spanish. */
export type Language = "en" | "es";

const SPANISH = /[¿¡ñáéíóú]|\b(puedo|quiero|cita|reservar|martes|lunes|miercoles|jueves|viernes|sabado|domingo|manana|hola|por favor)\b/i;

export function languageOf(text: string): Language {
  return SPANISH.test(text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")) || SPANISH.test(text) ? "es" : "en";
}

export const bookingText: Record<
  Language,
  {
    offer: (timeZone: string) => string;
    choose: string;
    noSlots: (forDay: boolean) => string;
    askEmail: string;
    taken: string;
    unavailable: string;
    confirmed: (when: string, timeZone: string, emailedTo: string | null) => string;
  }
> = {
  en: {
    offer: (timeZone) => `Here are the next free times (${timeZone}):`,
    choose: "Reply with the number of the one you want.",
    noSlots: (forDay) => (forDay ? "Sorry, there are no free times that day in the next two weeks. Would another day suit you?" : "Sorry, there are no free times in the next two weeks."),
    askEmail: "Great choice! What email address should the booking go to?",
    taken: "Sorry, that time was just taken. Ask me again and I will offer the next free times.",
    unavailable: "Sorry, I cannot reach the booking calendar right now. Please try again in a moment.",
    confirmed: (when, timeZone, emailedTo) => `You're booked for ${when} (${timeZone}).${emailedTo ? ` A confirmation is on its way to ${emailedTo}.` : ""}`,
  },
  es: {
    offer: (timeZone) => `Estos son los próximos horarios libres (${timeZone}):`,
    choose: "Responde con el número del que prefieras.",
    noSlots: (forDay) => (forDay ? "Lo siento, no hay horarios libres ese día en las próximas dos semanas. ¿Te va bien otro día?" : "Lo siento, no hay horarios libres en las próximas dos semanas."),
    askEmail: "¡Perfecto! ¿A qué correo electrónico enviamos la reserva?",
    taken: "Lo siento, ese horario se acaba de ocupar. Pídemelo de nuevo y te ofreceré los próximos horarios libres.",
    unavailable: "Lo siento, ahora no puedo acceder al calendario de reservas. Inténtalo de nuevo en un momento.",
    confirmed: (when, timeZone, emailedTo) => `Tu cita queda reservada para el ${when} (${timeZone}).${emailedTo ? ` Te enviamos la confirmación a ${emailedTo}.` : ""}`,
  },
};
