// Placeholder until the db helper lands the client factory; re-exports the generated client types.
export * from "./generated/prisma/client";
