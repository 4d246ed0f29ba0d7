export { SALESFORCE_LOGIN_URL, type SalesforceConfig, salesforceConfigSchema } from "./config";
export { assertSalesforceUrl, connectSalesforce, SALESFORCE_API_VERSION, toSalesforceError } from "./salesforce-client";
export { fieldNames, findPerson, findTaskByMarker, type PersonType, type SalesforcePerson, soqlString } from "./records";
export { phoneVariants, toE164 } from "./phone-variants";
export { logTask, NO_COMPANY, type PersonDetails, splitName, upsertPerson } from "./people";
