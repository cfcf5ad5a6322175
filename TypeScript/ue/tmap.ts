/**
 * Reads a Puerts `UE.TMap<string, string>` into a plain record (Puerts exposes TMap by index:
 * `GetMaxIndex`/`IsValidIndex`/`GetKey`/`Get`).
 *
 * @example
 * tmapToRecord(errorsMap) // { email: "exceededValueLengthLimit" }
 */
export interface StringTMap {
  GetMaxIndex(): number;
  IsValidIndex(Index: number): boolean;
  GetKey(Index: number): string;
  Get(Key: string): string | undefined;
}

export function tmapToRecord(map: StringTMap | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!map) return out;
  const max = map.GetMaxIndex();
  for (let i = 0; i < max; i++) {
    if (!map.IsValidIndex(i)) continue;
    const key = map.GetKey(i);
    const value = map.Get(key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
