import { KnowledgeBaseDetail } from "@/components/knowledge/knowledge-base-detail";

export const metadata = { title: "Knowledge base · Frontdesk" };

export default async function KnowledgeBasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <KnowledgeBaseDetail id={id} />;
}
