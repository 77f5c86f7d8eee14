import pino from "pino";

/** The one logger. Provider keys and authorization headers are redacted wherever they appear. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: {
    paths: ["*.authorization", "*.Authorization", "headers.authorization", "apiKey", "*.apiKey", "password", "*.password"],
    censor: "[redacted]",
  },
});
