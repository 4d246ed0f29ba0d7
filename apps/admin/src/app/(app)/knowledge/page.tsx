import { AdminOnly } from "@/components/admin-only";
import { CreateKnowledgeBaseForm } from "@/components/knowledge/create-knowledge-base-form";
import { KnowledgeBaseList } from "@/components/knowledge/knowledge-base-list";

export const metadata = { title: "Knowledge · Frontdesk" };

export default function KnowledgePage() {
  return (
    <>
      <h1>Knowledge bases</h1>
      <div className="stack">
        <KnowledgeBaseList />
        <AdminOnly>
          <CreateKnowledgeBaseForm />
        </AdminOnly>
      </div>
    </>
  );
}
