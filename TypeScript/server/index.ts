/**
 * The reference identity service: factory, repositories and the pieces the CLI uses.
 *
 * @example
 * import { createIdentityService } from "./server";
 */
export * from "./anonymous-id";
export * from "./app-cache";
export * from "./apps";
export * from "./attribute-rules";
export * from "./attribute-store";
export * from "./batch-shape";
export * from "./console";
export * from "./db/database";
export * from "./db/migrations";
export * from "./db/statements";
export * from "./db/wal-checkpoint";
export * from "./housekeeping";
export * from "./rate-limit";
export * from "./redacting-logger";
export * from "./secrets";
export * from "./service";
export * from "./sessions";
export * from "./user-rate-limit";
export * from "./users";
export * from "./verify-token";
