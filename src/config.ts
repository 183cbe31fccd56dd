/** Settings read once from the environment, with the defaults a fresh checkout needs. */
export interface Config {
  port: number;
  databasePath: string;
  nodeEnv: string;
  isProduction: boolean;
  /** Secure cookies: on in production unless COOKIE_SECURE=false (e.g. plain-HTTP intranet). */
  cookieSecure: boolean;
  adminPassword: string | undefined;
  /** Trust X-Forwarded-* from one reverse proxy, so per-IP throttles see the real client. */
  trustProxy: boolean;
  /** Evidence files live here, outside the database. */
  evidenceDir: string;
  /** Largest evidence file accepted (on-site recordings are large). */
  evidenceMaxBytes: number;
  /** Printed on receipts, notices and orders; `orderPrefix` starts an order's number (长人社监令〔2026〕7号). */
  bureau: { name: string; address: string; phone: string; orderPrefix: string };
  /** Inspectors may open any case read-only (personal data masked). Off unless the bureau allows it. */
  inspectorsReadAll: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? "development";
  const isProduction = nodeEnv === "production";
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    databasePath: env.DATABASE_PATH ?? "data/app.db",
    nodeEnv,
    isProduction,
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === "true" : isProduction,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    trustProxy: env.TRUST_PROXY === "true",
    evidenceDir: env.EVIDENCE_DIR ?? "data/evidence",
    evidenceMaxBytes: Number(env.EVIDENCE_MAX_BYTES ?? 2 * 1024 ** 3),
    inspectorsReadAll: env.INSPECTORS_READ_ALL === "true",
    bureau: {
      name: env.BUREAU_NAME ?? "长春市劳动保障监察支队",
      address: env.BUREAU_ADDRESS ?? "长春市南关区人民大街 1234 号 劳动保障监察投诉窗口",
      phone: env.BUREAU_PHONE ?? "0431-12333",
      orderPrefix: env.ORDER_NUMBER_PREFIX ?? "长人社监令",
    },
  };
}
