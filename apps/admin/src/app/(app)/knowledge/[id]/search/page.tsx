import { SearchBox } from "@/components/knowledge/search-box";

export const metadata = { title: "Test search · Frontdesk" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SearchBox knowledgeBaseId={id} />;
}
