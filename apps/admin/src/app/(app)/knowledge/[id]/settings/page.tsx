import { KnowledgeBaseSettings } from "@/components/knowledge/knowledge-base-settings";

export const metadata = { title: "Knowledge base settings · Frontdesk" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <KnowledgeBaseSettings id={id} />;
}
