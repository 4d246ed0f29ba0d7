"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

type Filters = { tier?: "hot" | "warm" | "cold"; channel?: "web" | "sms" | "whatsapp" | "voice" | "api"; botId?: string; q?: string };

/** Downloads the CSV of the leads the filters select (the same file as GET /api/v1/leads/export.csv). */
export function ExportCsvButton({ filters }: { filters: Filters }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const download = useMutation({
    mutationFn: async () => {
      const { csv } = await queryClient.fetchQuery({ ...trpc.leads.exportCsv.queryOptions(filters), staleTime: 0 });
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `leads-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  });
  return (
    <>
      <button type="button" className="secondary" disabled={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? "Exporting…" : "Export CSV"}
      </button>
      {download.error && <span className="error" role="alert">{errorMessage(download.error)}</span>}
    </>
  );
}
