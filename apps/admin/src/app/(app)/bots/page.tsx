import { AdminOnly } from "@/components/admin-only";
import { BotList } from "@/components/bots/bot-list";
import { CreateBotForm } from "@/components/bots/create-bot-form";

export const metadata = { title: "Bots · Frontdesk" };

export default function BotsPage() {
  return (
    <>
      <h1>Bots</h1>
      <div className="stack">
        <BotList />
        <AdminOnly>
          <CreateBotForm />
        </AdminOnly>
      </div>
    </>
  );
}
