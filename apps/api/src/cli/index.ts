import { claimStdout } from "./cli-io";
import { runCli } from "./run-cli";

// `npm run frontdesk -- <command>`: see run-cli.ts for the commands.
const io = claimStdout();
process.exitCode = await runCli(process.argv.slice(2), io);
