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
  };
}
