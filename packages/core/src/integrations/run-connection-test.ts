import { testIntegrationConnection, type ConnectionTestResult } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { integrationProviderContext } from "./provider-context";

/** Any failure to connect (refusal, DNS, timeout, blocked destination) is an answer for the owner, not a 500. */
export async function runConnectionTest(ctx: ServiceContext, type: string, config: unknown): Promise<ConnectionTestResult> {
  try {
    return await testIntegrationConnection({ integrationId: type, config, ctx: integrationProviderContext(ctx.config, type) });
  } catch (error) {
    ctx.logger.info({ err: error, type }, "integration connection test failed");
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Column values recording a test outcome. */
export function testedStatus(result: ConnectionTestResult) {
  return result.ok
    ? { status: "connected" as const, statusReason: null, lastTestedAt: new Date() }
    : { status: "error" as const, statusReason: result.error.slice(0, 1000), lastTestedAt: new Date() };
}
