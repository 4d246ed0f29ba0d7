const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

/** Human size for tables in the browser's number style: "190 bytes", "1.5 kB", "12.3 MB". */
export function formatBytes(bytes: number): string {
  const exponent = Math.min(Math.floor(Math.log(Math.max(bytes, 1)) / Math.log(1024)), UNITS.length - 1);
  return new Intl.NumberFormat("en", {
    style: "unit",
    unit: UNITS[exponent],
    unitDisplay: exponent === 0 ? "long" : "short",
    maximumFractionDigits: 1,
  }).format(bytes / 1024 ** exponent);
}
