/**
 * Apps: the list, the create form, and per app the identity feature, session settings, custom fields, tags and
 * secret rotation: everything `helpshift-ts app` does. A secret (create, rotate) shows once, in a box with Copy and
 * "Use in tester"; dismissing the box drops it from the page.
 */
import {
  type AppAnswer,
  type AppWithSecretAnswer,
  type ConsoleApp,
  ConsolePath,
  type CustomFieldDefinition,
  type CustomFieldType,
  type NewAppRequest,
} from "../../api-types";
import { ApiError, errorText } from "../api";
import { $, badge, type El, field, h, select, win } from "../dom";
import { formatSeconds, splitList } from "../format";
import { type Ctx, empty, failure, loading, type Page, resultLine, runChange, setResult, withButton } from "../ui";

const FIELD_TYPES: readonly (readonly [CustomFieldType, string])[] = [
  ["singleline", "single line"],
  ["multiline", "multi-line"],
  ["number", "number"],
  ["date", "date"],
  ["dropdown", "dropdown"],
  ["checkbox", "checkbox"],
];

/** One row of custom field inputs (name, type, options for a dropdown). */
function fieldRow(onRemove: (row: El) => void): El {
  const name = h("input", { type: "text", autocomplete: "off", spellcheck: "false", "data-role": "field-name" });
  const type = select(FIELD_TYPES, { "data-role": "field-type" });
  const options = h("input", { type: "text", autocomplete: "off", "data-role": "field-options" });
  const optionsField = field("Options", options, "Dropdown only: bronze, silver, gold");
  optionsField.hidden = true;
  type.addEventListener("change", () => {
    optionsField.hidden = type.value !== "dropdown";
  });
  const row = h("div", { className: "row", "data-role": "field-row" });
  const remove = h("button", { type: "button", className: "quiet small" }, "Remove");
  remove.addEventListener("click", () => onRemove(row));
  row.append(field("Field name", name), field("Type", type), optionsField, remove);
  return row;
}

function readFieldRows(container: El): CustomFieldDefinition[] {
  return Array.from(container.querySelectorAll('[data-role="field-row"]'))
    .map((row) => {
      const name = (row.querySelector('[data-role="field-name"]') as El).value.trim();
      const type = (row.querySelector('[data-role="field-type"]') as El).value as CustomFieldType;
      const options = splitList((row.querySelector('[data-role="field-options"]') as El).value);
      return type === "dropdown" ? { name, type, options } : { name, type };
    })
    .filter((f) => f.name !== "");
}

function numberOrUndefined(input: El): number | undefined {
  const text = input.value.trim();
  return text === "" ? undefined : Number(text);
}

/** Marks the inputs the service named in `errors` (by the request's field name) as invalid. */
function markInvalid(inputs: Record<string, El>, error: unknown): void {
  for (const input of Object.values(inputs)) input.removeAttribute("aria-invalid");
  if (!(error instanceof ApiError) || !error.errors) return;
  for (const key of Object.keys(error.errors)) {
    const input = inputs[key.split(/[.[]/)[0] ?? key];
    input?.setAttribute("aria-invalid", "true");
  }
}

export function createAppsPage(ctx: Ctx): Page {
  const root = $("apps-root");
  const secretSlot = h("div", { id: "secret-slot" });
  const listBody = h("div", { id: "apps-list" });
  const manageSlot = h("div", { id: "app-manage" });
  let apps: readonly ConsoleApp[] = [];
  let selected: string | undefined;

  // ---- the secret, shown once ----
  function showSecret(appId: string, secret: string, why: string): void {
    const value = h("pre", { className: "mono", id: "secret-value" }, secret);
    const said = resultLine("secret-said");
    const copy = h("button", { type: "button", "data-action": "copy-secret" }, "Copy");
    copy.addEventListener("click", async () => {
      try {
        await win.navigator.clipboard?.writeText(secret);
        setResult(said, "Copied to the clipboard.", "ok");
      } catch {
        setResult(said, "The browser refused the clipboard: select the text and copy it.", "bad");
      }
    });
    const use = h("button", { type: "button", className: "primary", "data-action": "use-in-tester" }, "Use in tester");
    use.addEventListener("click", () => {
      ctx.prefillTester({ appId, secret });
      setResult(said, `The tester's app id and dev secret are set to ${appId}'s (in memory).`, "ok");
      ctx.go("#/tester");
    });
    const dismiss = h("button", { type: "button", className: "quiet", "data-action": "dismiss-secret" }, "Dismiss");
    const box = h(
      "div",
      { className: "secret-box", role: "region", "aria-labelledby": "secret-title", id: "secret-box" },
      h("h2", { id: "secret-title" }, `Secret of ${appId}`),
      h(
        "p",
        {},
        `${why} It is shown this once: copy it now or use it in the tester. The console never shows it again.`,
      ),
      value,
      h("div", { className: "actions" }, copy, use, dismiss),
      said,
    );
    dismiss.addEventListener("click", () => {
      box.remove();
      $("h-apps").focus();
    });
    secretSlot.replaceChildren(box);
    use.focus();
  }

  // ---- create ----
  const inputs: Record<string, El> = {
    id: h("input", { type: "text", autocomplete: "off", spellcheck: "false", required: true, name: "id" }),
    name: h("input", { type: "text", autocomplete: "off", name: "name" }),
    sessionLifetimeSeconds: h("input", { type: "number", min: "1", inputmode: "numeric", placeholder: "604800" }),
    refreshLeadSeconds: h("input", { type: "number", min: "0", inputmode: "numeric", placeholder: "172800" }),
    tags: h("input", { type: "text", autocomplete: "off", spellcheck: "false" }),
  };
  const identity = h("input", { type: "checkbox", checked: true });
  const fieldsBox = h("div", { id: "new-fields" });
  const addField = h("button", { type: "button", className: "small", "data-action": "add-field-row" }, "Add a field");
  const removeRow = (row: El) => {
    row.remove();
    addField.focus();
  };
  addField.addEventListener("click", () => {
    const row = fieldRow(removeRow);
    fieldsBox.append(row);
    row.querySelector("input")?.focus();
  });
  const createButton = h("button", { type: "submit", className: "primary" }, "Create app");
  const createSaid = resultLine("create-said");
  const form = h(
    "form",
    { id: "create-app", "aria-labelledby": "create-title", novalidate: true },
    h("h2", { id: "create-title" }, "Create an app"),
    h(
      "div",
      { className: "row" },
      field("App id", inputs.id as El, "Letters, digits, - and _"),
      field("Name", inputs.name as El),
    ),
    field("Identity feature on", identity),
    h(
      "div",
      { className: "row" },
      field("Session lifetime (seconds)", inputs.sessionLifetimeSeconds as El, "Empty: 604800 (7 d)"),
      field("Refresh lead (seconds)", inputs.refreshLeadSeconds as El, "Empty: 172800 (2 d)"),
    ),
    h("fieldset", {}, h("legend", {}, "Custom user fields"), fieldsBox, addField),
    field("Tags", inputs.tags as El, "Separated by spaces or commas: vip, beta"),
    h("div", { className: "actions" }, createButton),
    createSaid,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void withButton(createButton, async () => {
      const request: NewAppRequest = {
        id: (inputs.id as El).value.trim(),
        ...((inputs.name as El).value.trim() ? { name: (inputs.name as El).value.trim() } : {}),
        identityEnabled: identity.checked,
        ...(numberOrUndefined(inputs.sessionLifetimeSeconds as El) !== undefined
          ? { sessionLifetimeSeconds: numberOrUndefined(inputs.sessionLifetimeSeconds as El) }
          : {}),
        ...(numberOrUndefined(inputs.refreshLeadSeconds as El) !== undefined
          ? { refreshLeadSeconds: numberOrUndefined(inputs.refreshLeadSeconds as El) }
          : {}),
        customFields: readFieldRows(fieldsBox),
        tags: splitList((inputs.tags as El).value),
      };
      try {
        const answer = await ctx.api.send<AppWithSecretAnswer>("POST", ConsolePath.apps, request);
        markInvalid(inputs, undefined);
        setResult(createSaid, `Created ${answer.app.id}.`, "ok");
        ctx.announce(`App ${answer.app.id} created. Its secret is shown once.`);
        for (const input of Object.values(inputs)) input.value = "";
        fieldsBox.replaceChildren();
        identity.checked = true;
        selected = answer.app.id;
        await load();
        showSecret(answer.app.id, answer.secret, "The app was created.");
      } catch (error) {
        markInvalid(inputs, error);
        setResult(createSaid, `Not created: ${errorText(error)}`, "bad");
      }
    });
  });

  // ---- list ----
  function appRow(app: ConsoleApp): El {
    const manage = h(
      "button",
      {
        type: "button",
        className: "small",
        "data-action": "manage-app",
        "data-app": app.id,
        "aria-label": `Manage ${app.id}`,
        "aria-expanded": String(selected === app.id),
        "aria-controls": "app-manage",
      },
      "Manage",
    );
    manage.addEventListener("click", () => {
      selected = selected === app.id ? undefined : app.id;
      render();
      if (selected) $("manage-title").focus();
    });
    const users = h("a", { href: `#/users?app=${encodeURIComponent(app.id)}` }, String(app.userCount));
    return h(
      "tr",
      { "data-app": app.id },
      h("td", {}, h("span", { className: "mono" }, app.id)),
      h("td", {}, app.name),
      h("td", {}, app.identityEnabled ? badge("on", "ok") : badge("off", "bad")),
      h(
        "td",
        { className: "nowrap" },
        `${formatSeconds(app.sessionLifetimeSeconds)} / ${formatSeconds(app.refreshLeadSeconds)}`,
      ),
      h(
        "td",
        {},
        app.customFields.length
          ? h(
              "ul",
              { className: "chips" },
              ...app.customFields.map((f) =>
                h(
                  "li",
                  {},
                  h(
                    "span",
                    { className: "badge" },
                    `${f.name}: ${f.type}${f.options ? ` (${f.options.join("|")})` : ""}`,
                  ),
                ),
              ),
            )
          : h("span", { className: "muted" }, "none"),
      ),
      h(
        "td",
        {},
        app.tags.length
          ? h("ul", { className: "chips" }, ...app.tags.map((t) => h("li", {}, badge(t, "info"))))
          : h("span", { className: "muted" }, "none"),
      ),
      h("td", {}, users),
      h("td", {}, manage),
    );
  }

  function renderList(): void {
    if (!apps.length) {
      listBody.replaceChildren(empty("No apps yet.", "Create one with the form."));
      return;
    }
    const table = h(
      "table",
      { className: "data", id: "apps-table" },
      h("caption", {}, `${apps.length} app${apps.length === 1 ? "" : "s"}`),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...["App id", "Name", "Identity", "Session / refresh lead", "Custom fields", "Tags", "Users", "Actions"].map(
            (t) => h("th", { scope: "col" }, t),
          ),
        ),
      ),
      h("tbody", {}, ...apps.map(appRow)),
    );
    listBody.replaceChildren(h("div", { className: "table-wrap" }, table));
  }

  // ---- manage one app ----
  function renderManage(): void {
    const app = apps.find((a) => a.id === selected);
    if (!app) {
      manageSlot.replaceChildren();
      return;
    }
    const said = resultLine("manage-said");
    const run = (button: El, action: () => Promise<string>) =>
      runChange(button, said, ctx, action, { failed: "Not changed", reload: load });
    const patch = (body: object) => ctx.api.send<AppAnswer>("PATCH", ConsolePath.app(app.id), body);

    const identityToggle = h(
      "button",
      { type: "button", "aria-pressed": String(app.identityEnabled), "data-action": "toggle-identity" },
      app.identityEnabled ? "Turn identity off" : "Turn identity on",
    );
    identityToggle.addEventListener("click", () =>
      run(identityToggle, async () => {
        await patch({ identityEnabled: !app.identityEnabled });
        return `Identity feature of ${app.id} turned ${app.identityEnabled ? "off" : "on"}.`;
      }),
    );

    const lifetime = h("input", { type: "number", min: "1", value: String(app.sessionLifetimeSeconds) });
    const lead = h("input", { type: "number", min: "0", value: String(app.refreshLeadSeconds) });
    const saveSession = h("button", { type: "button", "data-action": "save-session" }, "Save session settings");
    saveSession.addEventListener("click", () =>
      run(saveSession, async () => {
        const answer = await patch({
          sessionLifetimeSeconds: Number(lifetime.value),
          refreshLeadSeconds: Number(lead.value),
        });
        return `Sessions of ${app.id} now last ${formatSeconds(answer.app.sessionLifetimeSeconds)}, refresh lead ${formatSeconds(answer.app.refreshLeadSeconds)} (new sessions).`;
      }),
    );

    const fieldName = h("input", { type: "text", autocomplete: "off", spellcheck: "false" });
    const fieldType = select(FIELD_TYPES);
    const fieldOptions = h("input", { type: "text", autocomplete: "off" });
    const addFieldButton = h("button", { type: "button", "data-action": "add-field" }, "Add field");
    addFieldButton.addEventListener("click", () =>
      run(addFieldButton, async () => {
        const definition: CustomFieldDefinition =
          fieldType.value === "dropdown"
            ? { name: fieldName.value.trim(), type: "dropdown", options: splitList(fieldOptions.value) }
            : { name: fieldName.value.trim(), type: fieldType.value as CustomFieldType };
        await ctx.api.send<AppAnswer>("POST", ConsolePath.appCustomFields(app.id), definition);
        return `Custom field ${definition.name} (${definition.type}) added to ${app.id}.`;
      }),
    );

    const tagInput = h("input", { type: "text", autocomplete: "off", spellcheck: "false" });
    const addTagButton = h("button", { type: "button", "data-action": "add-tag" }, "Add tags");
    addTagButton.addEventListener("click", () =>
      run(addTagButton, async () => {
        const tags = splitList(tagInput.value);
        await ctx.api.send<AppAnswer>("POST", ConsolePath.appTags(app.id), { tags });
        return `Tags ${tags.join(", ")} added to ${app.id}.`;
      }),
    );

    const rotate = h(
      "button",
      { type: "button", className: "danger", "data-action": "rotate-secret" },
      "Rotate secret",
    );
    rotate.addEventListener("click", async () => {
      const sure = await ctx.confirm({
        title: `Rotate the secret of ${app.id}?`,
        body: "Tokens signed with the old secret stop verifying at once. The new secret is shown once.",
        confirmLabel: "Rotate secret",
      });
      if (!sure) return;
      await withButton(rotate, async () => {
        try {
          const answer = await ctx.api.send<AppWithSecretAnswer>("POST", ConsolePath.appRotateSecret(app.id));
          setResult(said, `Secret of ${app.id} rotated; old tokens no longer verify.`, "ok");
          await load();
          showSecret(app.id, answer.secret, "The secret was rotated; tokens signed with the old one no longer verify.");
        } catch (error) {
          setResult(said, `Not rotated: ${errorText(error)}`, "bad");
        }
      });
    });

    manageSlot.replaceChildren(
      h(
        "section",
        { className: "panel", "aria-labelledby": "manage-title" },
        h(
          "div",
          { className: "panel-head" },
          h("h2", { id: "manage-title", tabindex: "-1" }, `Manage ${app.id}`),
          h("span", { className: "muted" }, app.name),
        ),
        h(
          "div",
          { className: "grid" },
          h(
            "div",
            {},
            h("h3", {}, "Identity feature"),
            h(
              "p",
              {},
              "Now ",
              app.identityEnabled ? badge("on", "ok") : badge("off", "bad"),
              ". Off: logins and AddUserIdentities answer identityFeatureNotEnabled.",
            ),
            identityToggle,
          ),
          h(
            "div",
            {},
            h("h3", {}, "Sessions"),
            h(
              "div",
              { className: "row" },
              field("Session lifetime (seconds)", lifetime),
              field("Refresh lead (seconds)", lead),
            ),
            saveSession,
          ),
          h(
            "div",
            {},
            h("h3", {}, "Add a custom field"),
            h("div", { className: "row" }, field("Field name", fieldName), field("Type", fieldType)),
            field("Options (dropdown)", fieldOptions, "bronze, silver, gold"),
            addFieldButton,
          ),
          h("div", {}, h("h3", {}, "Add tags"), field("Tags", tagInput, "Separated by spaces or commas"), addTagButton),
          h(
            "div",
            {},
            h("h3", {}, "Secret"),
            h("p", { className: "muted" }, "Secrets are never shown again after create or rotate."),
            rotate,
          ),
        ),
        said,
      ),
    );
  }

  function render(): void {
    renderList();
    renderManage();
  }

  async function load(): Promise<void> {
    try {
      apps = await ctx.apps();
      render();
    } catch (error) {
      listBody.replaceChildren(failure("load the apps", errorText(error)));
    }
  }

  root.append(
    secretSlot,
    h(
      "section",
      { className: "panel", "aria-labelledby": "apps-title" },
      h("div", { className: "panel-head" }, h("h2", { id: "apps-title" }, "All apps")),
      listBody,
    ),
    manageSlot,
    h("section", { className: "panel" }, form),
  );
  listBody.replaceChildren(loading("apps"));

  return {
    show() {
      void load();
    },
  };
}
