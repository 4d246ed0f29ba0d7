"use client";

import type { IntegrationType } from "./types";

/** Every provider this server knows, each with a Connect button. */
export function IntegrationCatalogue({ types, onConnect }: { types: IntegrationType[]; onConnect: (type: IntegrationType) => void }) {
  return (
    <section className="card">
      <h2>Add an integration</h2>
      <div className="cards" data-testid="integration-catalogue">
        {types.map((type) => (
          <article key={type.id} className="card" data-integration-type={type.id}>
            <h3>{type.name}</h3>
            <p className="muted small">{type.description}</p>
            {type.actions.length > 0 && (
              <p className="small">Actions: {type.actions.map((action) => action.name).join(", ")}</p>
            )}
            <button type="button" onClick={() => onConnect(type)} aria-label={`Connect ${type.name}`}>
              Connect
            </button>
          </article>
        ))}
      </div>
    </section>
  );
}
