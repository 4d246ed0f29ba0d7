"use client";

import { useEffect, useRef } from "react";
import "uplot/dist/uPlot.min.css";

const HALF_DAY_S = 43_200;

/**
 * Conversations per day as bars (uPlot: ~50 KB, canvas, no React chart stack). Loaded on first render so the
 * rest of the admin never carries it; redrawn when the data or the card's width changes.
 */
export function ConversationsChart({ byDay }: { byDay: Array<{ date: string; count: number }> }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let chart: { destroy(): void; setSize(size: { width: number; height: number }): void } | undefined;
    let cancelled = false;
    const resize = new ResizeObserver(() => chart?.setSize({ width: element.clientWidth, height: 200 }));
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled) return;
      const xs = byDay.map((point) => Date.parse(`${point.date}T00:00:00Z`) / 1000);
      const ys = byDay.map((point) => point.count);
      chart = new UPlot(
        {
          width: element.clientWidth,
          height: 200,
          tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
          legend: { show: false },
          cursor: { y: false },
          // Half a day either side, so the first and last day's bars are whole.
          scales: { x: { time: true, range: (_u, min, max) => [min - HALF_DAY_S, max + HALF_DAY_S] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          axes: [{}, { size: 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] }],
          series: [
            {},
            {
              label: "Conversations",
              stroke: "#2754c5",
              fill: "rgba(39, 84, 197, 0.25)",
              paths: UPlot.paths.bars?.({ size: [0.7, 40] }),
              points: { show: false },
            },
          ],
        },
        [xs, ys],
        element,
      );
      resize.observe(element);
    });
    return () => {
      cancelled = true;
      resize.disconnect();
      chart?.destroy();
    };
  }, [byDay]);

  return <div ref={container} className="chart" data-testid="conversations-chart" role="img" aria-label="Conversations per day" />;
}
