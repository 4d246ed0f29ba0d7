"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmDelete } from "@/components/confirm-delete";
import { useTRPC } from "@/lib/trpc";

/** Deletes the bot (asks first) and returns to the bot list. */
export function DeleteBot({ bot }: { bot: { id: string; name: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const remove = useMutation(trpc.bots.delete.mutationOptions());
  return (
    <section className="card">
      <h2>Delete bot</h2>
      <p className="muted small">Its conversations, leads and call history go with it. Knowledge bases stay.</p>
      <ConfirmDelete
        label="Delete bot"
        title={`Delete “${bot.name}”?`}
        consequences="The bot, its widget, conversations, leads and call history are deleted. Pages embedding its widget stop showing it. This cannot be undone."
        onConfirm={async () => {
          await remove.mutateAsync({ id: bot.id });
          // Dropped before navigating: a stale cached list would still show the deleted bot until it refetched.
          queryClient.removeQueries({ queryKey: trpc.bots.list.queryKey() });
          router.push("/bots");
          await queryClient.invalidateQueries();
        }}
      />
    </section>
  );
}
