/** `npm run db:seed`: migrate and seed the configured database without starting the server. */
import { readConfig } from "../src/config.js";
import { openDb } from "../src/db/client.js";
import { migrateDb } from "../src/db/migrate.js";
import { seed } from "./index.js";

const config = readConfig();
const db = openDb(config.databasePath);
migrateDb(db);
await seed(db, config, new Date());
db.$client.close();
