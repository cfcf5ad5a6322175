/**
 * Bench 2: config and attribute validation of the largest legal maps, against JSON.parse of the same map's
 * JSON text (how the C++ bridge hands a config or attribute map to the Puerts side).
 *
 * @example
 * const item = benchValidation({ rounds: 7, roundMs: 150 });
 */
import { validateLoginConfig, validateMasterAttributes } from "../TypeScript/contract";
import { largestLegalConfig, largestLegalMasterAttributes, multilineRules } from "./lib/fixtures";
import { compareRates, sig } from "./lib/measure";
import { type BenchItem, measured } from "./lib/report";

/**
 * Runs bench 2.
 *
 * @example
 * const item = benchValidation({ rounds: 7, roundMs: 200 });
 */
export function benchValidation(options: { rounds: number; roundMs: number }): BenchItem {
  const config = largestLegalConfig();
  const attributes = largestLegalMasterAttributes();
  if (!validateLoginConfig(config).ok) throw new Error("largest legal config fixture must pass");
  if (Object.keys(validateMasterAttributes(attributes, multilineRules).errors).length > 0) {
    throw new Error("largest legal attribute fixture must pass");
  }
  const configText = JSON.stringify(config);
  const attributesText = JSON.stringify(attributes);
  const configCmp = compareRates(
    () => validateLoginConfig(config),
    () => JSON.parse(configText),
    options,
  );
  const attrCmp = compareRates(
    () => validateMasterAttributes(attributes, multilineRules),
    () => JSON.parse(attributesText),
    options,
  );
  return measured("validation", "2. config and attribute validation of the largest legal maps", {
    configValidationsPerSec: sig(configCmp.subject.opsPerSec),
    configWorstCallMs: sig(configCmp.subject.worstCallMs),
    configRatioVsJsonParse: sig(configCmp.ratio),
    attributeValidationsPerSec: sig(attrCmp.subject.opsPerSec),
    attributeWorstCallMs: sig(attrCmp.subject.worstCallMs),
    attributeRatioVsJsonParse: sig(attrCmp.ratio),
    attributeMapChars: attributesText.length,
  });
}
