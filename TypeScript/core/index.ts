export * from "./api";
export { createHelpshiftClient } from "./client";
export { LoginFailure, loginFailureData } from "./errors";
export * from "./ports";
