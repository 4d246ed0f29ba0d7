/** Statuses of a call that is happening now (the live indicator). */
export const LIVE_STATUSES = new Set(["queued", "ringing", "in-progress", "forwarding"]);

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
