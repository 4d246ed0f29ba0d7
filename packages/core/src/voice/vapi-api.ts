import { IntegrationError, vapiProvider } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { loadIntegrationConfig } from "../integrations/load-integration-config";

type Guarded<Api> = { [Name in keyof Api]: Api[Name] extends (...args: infer Args) => Promise<infer Result> ? (...args: Args) => Promise<Result> : never };

/** Each call's refusal becomes the owner's problem: an unknown id a 404 (naming `field`), anything else a 503. */
function guard<Api extends Record<string, (...args: never[]) => Promise<unknown>>>(api: Api, notFound: { message: string; field: string; detail: string }): Guarded<Api> {
  return Object.fromEntries(
    Object.entries(api).map(([name, call]) => [
      name,
      (...args: never[]) =>
        call(...args).catch((error: unknown) => {
          if (!(error instanceof IntegrationError)) throw error;
          if (error.status === 404) throw new AppError("not_found", notFound.message, { cause: error, fields: [{ field: notFound.field, message: notFound.detail }] });
          throw new AppError("unavailable", `Vapi refused the request: ${error.message}`, { cause: error });
        }),
    ]),
  ) as Guarded<Api>;
}

/** Vapi's API for one of the organization's `vapi` integrations (its private key), with refusals as AppErrors. */
export async function vapiApiFor(ctx: ServiceContext, integrationId: string) {
  const installed = await loadIntegrationConfig(ctx, integrationId);
  if (installed.type !== "vapi") throw new AppError("validation_failed", "Not a Vapi integration", { fields: [{ field: "integrationId", message: "must be a vapi integration" }] });
  const config = installed.config as vapiProvider.VapiConfig;
  return {
    assistants: guard(vapiProvider.vapiAssistants(config, installed.providerContext), { message: "Vapi assistant not found", field: "assistantId", detail: "no such assistant in this Vapi account" }),
    files: guard(vapiProvider.vapiFileStore(config, installed.providerContext), { message: "Vapi file or tool not found", field: "vapiFileId", detail: "no such file or tool in this Vapi account" }),
  };
}

/** True when Vapi answered 404 (already gone), which a delete treats as done. */
export const isVapiNotFound = (error: unknown): boolean => error instanceof AppError && error.code === "not_found";
