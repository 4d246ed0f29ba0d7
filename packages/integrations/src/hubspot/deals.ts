import type { Client } from "@hubspot/api-client";
import { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/deals";
import { retryIdempotentRead } from "../retry";
import { toHubspotError } from "./hubspot-client";

/** HubSpot-defined association type ids (v4 "associationTypeId"). */
export const DEAL_TO_CONTACT = 3;

export interface HubspotDeal {
  id: string;
  properties: Record<string, string | null>;
}

export interface DealPipeline {
  id: string;
  label: string;
  stages: { id: string; label: string; displayOrder: number }[];
}

/** Pipelines and stages, ordered as in HubSpot, so the agent can pick stage ids for create_deal/move_deal_stage. */
export async function listDealPipelines(client: Client): Promise<DealPipeline[]> {
  const pipelines = await retryIdempotentRead(() => client.crm.pipelines.pipelinesApi.getAll("deals").catch(toHubspotError));
  return pipelines.results
    .slice().sort((a, b) => a.displayOrder - b.displayOrder)
    .map((pipeline) => ({
      id: pipeline.id,
      label: pipeline.label,
      stages: pipeline.stages
        .slice().sort((a, b) => a.displayOrder - b.displayOrder)
        .map((stage) => ({ id: stage.id, label: stage.label, displayOrder: stage.displayOrder })),
    }));
}

export async function createDeal(
  client: Client,
  deal: { name: string; pipeline: string; stage: string; amount?: number; closeDate?: string; contactId?: string },
): Promise<HubspotDeal> {
  const properties: Record<string, string> = { dealname: deal.name, pipeline: deal.pipeline, dealstage: deal.stage };
  if (deal.amount !== undefined) properties.amount = String(deal.amount);
  if (deal.closeDate) properties.closedate = deal.closeDate;
  const associations = deal.contactId
    ? [{ to: { id: deal.contactId }, types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: DEAL_TO_CONTACT }] }]
    : [];
  const created = await client.crm.deals.basicApi.create({ properties, associations }).catch(toHubspotError);
  return { id: created.id, properties: created.properties };
}

export async function moveDealStage(client: Client, dealId: string, stage: string, pipeline?: string): Promise<HubspotDeal> {
  const properties: Record<string, string> = { dealstage: stage };
  if (pipeline) properties.pipeline = pipeline;
  const updated = await client.crm.deals.basicApi.update(dealId, { properties }).catch(toHubspotError);
  return { id: updated.id, properties: updated.properties };
}
