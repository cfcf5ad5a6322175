/**
 * What the documented gameplay example (docs/unreal.md, "Gameplay TypeScript") leaves to the game: its own backend
 * call. Compiled only with that example, which test/typings/host-project.test.ts reads out of the docs.
 */
declare function fetchJwt(): Promise<string>;
