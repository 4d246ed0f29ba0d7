import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { recoverPendingWebhookDeliveries, recoverStuckCrawls, recoverStuckDocuments } from "@frontdesk/worker";
import { createApp } from "./app";
import type { ApiDeps } from "./deps";

export interface RunningServer {
  server: ServerType;
  /** e.g. http://127.0.0.1:3000 (the port actually bound, so port 0 works). */
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port, then re-queues documents, crawls and webhook deliveries a previous run left unfinished. */
export async function startServer(deps: ApiDeps, options: { port: number; host: string }): Promise<RunningServer> {
  const app = createApp(deps);
  const { server, address } = await new Promise<{ server: ServerType; address: AddressInfo }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => resolve({ server, address: info }));
    server.once("error", reject);
  });
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  await recoverStuckDocuments(deps);
  await recoverStuckCrawls(deps);
  await recoverPendingWebhookDeliveries(deps);
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        const closeAll = (server as { closeAllConnections?: () => void }).closeAllConnections;
        server.close((error) => (error ? reject(error) : resolve()));
        // Open SSE streams and keep-alive sockets would otherwise hold the close for minutes.
        closeAll?.call(server);
      }),
  };
}
