"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signOut } from "@/lib/auth-client";

export function SignOutButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    try {
      await signOut();
    } finally {
      queryClient.clear();
      router.replace("/sign-in");
      router.refresh();
    }
  }

  return (
    <button type="button" className="secondary" onClick={onClick} disabled={pending}>
      Sign out
    </button>
  );
}
