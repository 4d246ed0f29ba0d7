import { FaqEditor } from "@/components/knowledge/faq-editor";

export const metadata = { title: "FAQ · Frontdesk" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <FaqEditor knowledgeBaseId={id} />;
}
