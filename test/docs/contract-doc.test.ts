/**
 * docs/contract.md is the project's own statement of the contract: it names every reason, error value, constant,
 * event, identifier, attribute key, detail code and limit the code defines. And nothing in the repository points
 * at documents that are not in it (a "SPEC.md", "the seed"): docs and comments point at docs/contract.md.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  APP_ATTRIBUTES,
  ErrorValueConstantName,
  FailureDetail,
  HelpshiftEvent,
  IDENTIFIERS,
  Limits,
  LoginFailureReasonConstantName,
  MASTER_ATTRIBUTES,
  PAYING_SEGMENTS,
} from "../../TypeScript/contract";

const root = new URL("../..", import.meta.url).pathname;
const contract = readFileSync(join(root, "docs/contract.md"), "utf8");
const code = (name: string) => contract.includes(`\`${name}\``);

describe("docs/contract.md", () => {
  it("names every failure reason and error value beside its C++ constant, in one table row", () => {
    for (const [value, constant] of Object.entries({ ...LoginFailureReasonConstantName, ...ErrorValueConstantName })) {
      expect(contract, value).toMatch(new RegExp(`^\\| \`${value}\` +\\| \`${constant}\` +\\|`, "m"));
    }
  });

  it("names every event, identifier, attribute key, paying segment and detail code", () => {
    const names = [
      ...Object.values(HelpshiftEvent),
      ...IDENTIFIERS,
      ...Object.keys(MASTER_ATTRIBUTES),
      ...Object.keys(APP_ATTRIBUTES),
      ...PAYING_SEGMENTS,
      ...Object.values(FailureDetail),
      "full_privacy_enabled",
      "hsft_anon_",
    ];
    expect(names.filter((name) => !code(name))).toEqual([]);
  });

  it("states the limits the contract defines", () => {
    const row = (what: RegExp, limit: number) => expect(contract).toMatch(new RegExp(`${what.source}.*\\| ${limit} `));
    row(/any key/, Limits.keyLength);
    row(/\| identity value/, Limits.identityValueLength);
    row(/`uid` value/, Limits.uidValueLength);
    row(/metadata value/, Limits.metadataValueLength);
    row(/login config string value/, Limits.configValueLength);
    row(/attribute string or custom field value/, Limits.customFieldValueLength);
    row(/multiline custom field value/, Limits.multilineCustomFieldValueLength);
    row(/one tag/, Limits.tagLength);
    row(/`app_version`/, Limits.appVersionLength);
    row(/unsynced attribute entries per map/, Limits.unsyncedAttributeEntries);
    expect(contract).toContain(
      `| any collection: identities, metadata, config entries, tag lists, custom field maps | ${Limits.collectionSize} entries |`,
    );
    expect(contract).toContain(`0 < age < ${Limits.ageMax + 1}`);
    expect(Limits.iatMaxAgeSeconds).toBe(24 * 3600);
    expect(contract).toContain("older than 24 h");
    expect(contract).toContain(`${Limits.iatFutureToleranceSeconds} s in the future`);
    expect(contract).toContain("UTF-16 code units");
  });
});

describe("references", () => {
  it("no tracked doc, comment or test points at SPEC.md or the seed; the docs point at docs/contract.md", () => {
    const files = spawnSync("git", ["ls-files", "--", "*.md", "*.ts", "*.mjs", "*.h", "*.cpp", "*.cs"], {
      cwd: root,
      encoding: "utf8",
    });
    if (files.status !== 0) return; // not a git checkout: nothing to list
    const offenders: string[] = [];
    for (const file of files.stdout.split("\n").filter(Boolean)) {
      if (file === "test/docs/contract-doc.test.ts") continue;
      let text: string;
      try {
        text = readFileSync(join(root, file), "utf8");
      } catch {
        continue; // listed in the index but deleted in the work tree
      }
      text.split("\n").forEach((line, index) => {
        if (/\bSPEC\b|[Tt]he seed\b|\bseed's\b|seed\/user-hub/.test(line))
          offenders.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
