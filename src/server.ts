import { readConfig } from "./config.js";
import { startProcess } from "./ops/cluster.js";

await startProcess(readConfig());
