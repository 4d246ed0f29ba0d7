import type { ReactNode } from "react";
import { KnowledgeBaseShell } from "@/components/knowledge/knowledge-base-shell";

export default async function KnowledgeBaseLayout({ params, children }: { params: Promise<{ id: string }>; children: ReactNode }) {
  const { id } = await params;
  return <KnowledgeBaseShell id={id}>{children}</KnowledgeBaseShell>;
}
