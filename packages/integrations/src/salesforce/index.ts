export { SALESFORCE_LOGIN_URL, type SalesforceConfig, salesforceConfigSchema } from "./config";
export { assertSalesforceUrl, connectSalesforce, SALESFORCE_API_VERSION, toSalesforceError } from "./salesforce-client";
export { fieldNames, findPerson, type PersonType, type SalesforcePerson, soqlString } from "./records";
export { logTask, NO_COMPANY, type PersonDetails, splitName, upsertPerson } from "./people";
