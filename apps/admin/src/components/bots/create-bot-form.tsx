"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

export function CreateBotForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.bots.create.mutationOptions({
      onSuccess: async (bot) => {
        await queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
        router.push(`/bots/${bot.id}`);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name: String(new FormData(event.currentTarget).get("name")) });
  }

  return (
    <form className="card" onSubmit={onSubmit}>
      <h2>New bot</h2>
      <div className="row">
        <input name="name" type="text" placeholder="Bot name" aria-label="Bot name" required style={{ flex: 1 }} />
        <button type="submit" disabled={create.isPending}>
          Create bot
        </button>
      </div>
      {create.error && <p className="error" role="alert">{errorMessage(create.error)}</p>}
    </form>
  );
}
