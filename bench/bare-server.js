// The benchmark's baseline: a bare Express 5 + EJS page rendering a 50-row table, no database, no session.
import express from "express";
import { fileURLToPath } from "node:url";

const rows = Array.from({ length: 50 }, (_, i) => ({
  caseNumber: `QX-2026-${String(i + 1).padStart(6, "0")}`,
  worker: `张三${i}`,
  employer: `长春宏达建筑劳务有限公司${i}`,
  district: "南关区",
  receivedOn: "2026-11-20",
  state: "已立案",
  clock: `剩 ${i % 8} 个工作日`,
}));

const app = express();
app.set("view engine", "ejs");
app.set("views", fileURLToPath(new URL(".", import.meta.url)));
app.get("/", (_req, res) => res.render("bare-table", { rows }));
app.listen(Number(process.env.PORT ?? 3199), () => console.log("bare listening"));
