import { pino } from "pino";

/**
 * One logger. Request lines carry the method, the path without its query string, the status and the user
 * id: never bodies, ID numbers or phone numbers.
 */
const options = {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: [
    "password",
    "*.password",
    "idNumber",
    "*.idNumber",
    "phone",
    "*.phone",
    "landline",
    "*.landline",
    "relativePhone",
    "*.relativePhone",
    "postalAddress",
    "*.postalAddress",
  ],
};

/** LOG_FILE sends the lines to a file instead of stdout (the test suite scans them for personal data). */
export const logger = process.env.LOG_FILE ? pino(options, pino.destination({ dest: process.env.LOG_FILE, sync: true, mkdir: true })) : pino(options);
