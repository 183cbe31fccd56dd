/** What every router is given: its own module, so no router imports the app that imports the routers. */
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import type { PageCache } from "./http/page-cache.js";
import type { createUpload } from "./http/uploads.js";

export interface AppContext {
  db: Db;
  config: Config;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Multipart uploads streamed to the evidence directory (one instance for every router). */
  upload: ReturnType<typeof createUpload>;
  /** Pages sent again as rendered while nothing they show changed (src/http/page-cache.ts). */
  pageCache: PageCache;
}
