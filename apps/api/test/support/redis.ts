import { createConnection } from "node:net";

/** The Redis the tests use: REDIS_TEST_URL, else the machine's (CI starts one: scripts/ci-redis.sh). */
export const testRedisUrl = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";

/** Whether something answers PING there; tests that need Redis skip (saying so) when it does not. */
export async function redisReachable(url = testRedisUrl): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}
