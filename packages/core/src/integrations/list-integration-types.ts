import { describeIntegration, listIntegrationIds, loadIntegration } from "@frontdesk/integrations";
import type { IntegrationTypeView } from "./schemas";

/** The catalogue the admin renders forms from: settings JSON Schema and the actions each provider offers. */
export async function listIntegrationCatalog(): Promise<IntegrationTypeView[]> {
  const definitions = await Promise.all(listIntegrationIds().map((id) => loadIntegration(id)));
  return definitions.flatMap((definition) =>
    definition ? [{ ...describeIntegration(definition), canSync: definition.sync !== undefined }] : [],
  );
}
