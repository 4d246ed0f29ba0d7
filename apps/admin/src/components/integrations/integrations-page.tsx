"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Modal } from "@/components/modal";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { IntegrationCard } from "./integration-card";
import { IntegrationCatalogue } from "./integration-catalogue";
import { IntegrationForm } from "./integration-form";
import { IntegrationsNav } from "./integrations-nav";
import type { Integration, IntegrationType } from "./types";

export function IntegrationsPage() {
  const trpc = useTRPC();
  const types = useQuery(trpc.integrations.types.queryOptions());
  const integrations = useQuery(trpc.integrations.list.queryOptions());
  const [editing, setEditing] = useState<{ type: IntegrationType; existing?: Integration } | null>(null);
  const typeOf = (id: string) => types.data?.find((type) => type.id === id);

  return (
    <>
      <h1>Integrations</h1>
      <IntegrationsNav />
      <section className="card">
        <h2>Connected</h2>
        {!integrations.data ? (
          <QueryState error={integrations.error} />
        ) : integrations.data.length === 0 ? (
          <p className="muted">Nothing connected yet. Pick a provider below.</p>
        ) : (
          <div className="cards" data-testid="integrations">
            {integrations.data.map((integration) => (
              <IntegrationCard
                key={integration.id}
                integration={integration}
                onEdit={() => {
                  const type = typeOf(integration.type);
                  if (type) setEditing({ type, existing: integration });
                }}
              />
            ))}
          </div>
        )}
      </section>
      {types.data ? <IntegrationCatalogue types={types.data} onConnect={(type) => setEditing({ type })} /> : <QueryState error={types.error} />}
      {editing && (
        <Modal title={`${editing.existing ? "Edit" : "Connect"} ${editing.type.name}`} onClose={() => setEditing(null)}>
          <IntegrationForm type={editing.type} existing={editing.existing} onDone={() => setEditing(null)} />
        </Modal>
      )}
    </>
  );
}
