// biome-ignore-all lint/correctness/noUnusedImports: the generator writes these imports into every file.
/**
 * Fixture: a game project's Typing/cpp/index.d.ts, which Puerts' template-binding generator writes and the
 * generated ue.d.ts imports (`import * as cpp from "cpp"`). Written for HelpshiftTS in that shape, with one placeholder binding.
 */
declare module "cpp" {
  import * as cpp from "cpp";
  import * as UE from "ue";

  class FText {
    ToString(): string;
    static FromString(Source: string): FText;
  }
}
