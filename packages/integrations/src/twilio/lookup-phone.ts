import type { IntegrationContext } from "../types";
import type { TwilioConfig } from "./config";
import { createTwilioClient } from "./twilio-client";

export interface PhoneLookup {
  valid: boolean;
  /** E.164 when valid; Twilio echoes the input otherwise. */
  phoneNumber: string;
  nationalFormat: string | null;
  countryCode: string | null;
  /** Twilio's line type: mobile, landline, fixedVoip, nonFixedVoip, tollFree, … (null when unknown or invalid). */
  lineType: string | null;
  carrierName: string | null;
  /** e.g. TOO_SHORT, INVALID_COUNTRY_CODE, INVALID_BUT_POSSIBLE. */
  validationErrors: string[];
}

/**
 * Lookup v2 (`GET /v2/PhoneNumbers/{number}?Fields=line_type_intelligence`): validates and normalises a number and
 * tells mobile from landline, so the agent offers SMS/WhatsApp only where it can arrive. An invalid number is a
 * normal answer (`valid: false`), not an error. Line type intelligence is a paid field; pass `lineType: false` to
 * get the free formatting/validation only.
 */
export async function lookupPhoneNumber(
  config: TwilioConfig,
  ctx: IntegrationContext,
  query: { phoneNumber: string; countryCode?: string; lineType?: boolean },
): Promise<PhoneLookup> {
  const { client, toError } = createTwilioClient(config, ctx);
  try {
    const result = await client.lookups.v2.phoneNumbers(query.phoneNumber).fetch({
      ...(query.lineType === false ? {} : { fields: "line_type_intelligence" }),
      ...(query.countryCode ? { countryCode: query.countryCode } : {}),
    });
    return {
      valid: result.valid,
      phoneNumber: result.phoneNumber,
      nationalFormat: result.nationalFormat ?? null,
      countryCode: result.countryCode ?? null,
      lineType: result.lineTypeIntelligence?.type ?? null,
      carrierName: result.lineTypeIntelligence?.carrierName ?? null,
      validationErrors: (result.validationErrors ?? []).map(String),
    };
  } catch (error) {
    return toError(error);
  }
}
