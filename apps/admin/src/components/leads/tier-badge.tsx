/** hot / warm / cold as a coloured badge; "unscored" before the first qualification. */
export function TierBadge({ tier }: { tier: "hot" | "warm" | "cold" | null }) {
  return (
    <span className={`badge tier-${tier ?? "none"}`} data-tier={tier ?? "none"}>
      {tier ?? "unscored"}
    </span>
  );
}
