import { CrawlForm } from "@/components/knowledge/crawl-form";
import { CrawlList } from "@/components/knowledge/crawl-list";

export const metadata = { title: "Website crawl · Frontdesk" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <CrawlForm knowledgeBaseId={id} />
      <CrawlList knowledgeBaseId={id} />
    </>
  );
}
