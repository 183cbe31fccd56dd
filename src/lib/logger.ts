import { pino } from "pino";

/**
 * One logger. Request lines carry the method, the path without its query string, the status and the user
 * id: never bodies, ID numbers or phone numbers.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: ["password", "*.password", "idNumber", "*.idNumber", "phone", "*.phone"],
});
