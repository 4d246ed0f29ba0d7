// Child-process fixture: loads the local embedding model and ends without closing anything. The process must
// exit on its own (the model thread may not keep it alive) and must not exit before the model is loaded.
import { loadConfig } from "@frontdesk/config";
import { createEmbeddingsProvider } from "../src/embeddings";

const provider = await createEmbeddingsProvider(loadConfig({}));
if (process.argv.includes("--embed")) await provider.embeddings.embedQuery("hello");
console.log(`loaded ${provider.model} ${provider.dimensions}`);
