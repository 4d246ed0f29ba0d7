"use client";

import { useEffect, useState } from "react";
import { useTRPCClient, type RouterOutputs } from "@/lib/trpc";

type Stream = RouterOutputs["calls"]["live"] extends AsyncIterable<infer T> ? T : never;
export type LiveCallState = Extract<Stream, { type: "call" }>["call"];
export type LiveCallEvent = Extract<Stream, { type: "event" }>["event"];

/**
 * Follows a call over the calls.live subscription (server-sent events from the API, fed by PostgreSQL
 * LISTEN/NOTIFY): the latest call state and every event so far, deduplicated by id across reconnects.
 */
export function useLiveCall(id: string) {
  const client = useTRPCClient();
  const [call, setCall] = useState<LiveCallState | null>(null);
  const [events, setEvents] = useState<LiveCallEvent[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const subscription = client.calls.live.subscribe(
      { id },
      {
        onData(item) {
          if (item.type === "call") setCall(item.call);
          else if (item.type === "event") setEvents((current) => (current.some((event) => event.id === item.event.id) ? current : [...current, item.event]));
        },
        onError: setError,
      },
    );
    return () => subscription.unsubscribe();
  }, [client, id]);
  return { call, events, error };
}
