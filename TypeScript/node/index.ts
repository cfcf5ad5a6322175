/**
 * Node adapters for the identity core's ports, and `createNodeClient` that wires them.
 *
 * @example
 * import { createNodeClient } from "./node";
 */
export * from "./client";
export * from "./console-logger";
export * from "./decode-port";
export * from "./fetch-transport";
export * from "./file-store";
export * from "./memory-store";
export * from "./random";
export * from "./scheduler";
