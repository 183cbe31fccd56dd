// What htmx is told "no" shows where the user is (issue 22). A refused form comes back drawn again with its
// message and what was typed (the server marks it `X-Redrawn-Form`): it is swapped in, whatever its status.
// Any other refusal (no right to the case, a section gone, too many requests, a server error) or a lost
// connection leaves the page as it is and says so just above what was pressed, with a way to reload.
(() => {
  const ID = "htmx-refusal";

  function show(elt, words) {
    document.getElementById(ID)?.remove();
    const alert = document.createElement("p");
    alert.id = ID;
    alert.className = "alert alert-error";
    alert.setAttribute("role", "alert");
    alert.tabIndex = -1;
    alert.append(`${words} `);
    const reload = document.createElement("a");
    reload.href = window.location.href;
    reload.textContent = "重新载入本页";
    alert.append(reload);
    const where = elt instanceof Element && elt.isConnected && elt !== document.body ? elt : document.querySelector("main");
    if (where === document.querySelector("main")) where.prepend(alert);
    else where.before(alert);
    alert.focus();
  }

  /** The error page's heading and message ("403 · 没有权限：只有办理本案的人员可以办理此案件。"). */
  function wordsOf(xhr) {
    const page = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
    const title = page.querySelector(".error-page h1")?.textContent?.trim();
    const message = page.querySelector(".error-page p")?.textContent?.trim();
    if (title && message) return `${title}：${message}`;
    return `操作未完成（${xhr.status}），请稍后再试。`;
  }

  // A change sent from a case-page section names the section's other open forms; if the whole section comes back
  // (someone else changed the case meanwhile, or the form no longer applies: the server's HX-Retarget), they come
  // back open and what was typed in them is put back, so a refusal of one form never empties another.
  document.addEventListener("htmx:configRequest", (event) => {
    const { elt, verb, headers } = event.detail;
    if (verb === "get") return;
    if (elt instanceof HTMLFormElement && elt.id) sentNames.set(elt, typedNames(elt));
    const section = elt.closest?.("section[id]");
    const open = section ? [...section.querySelectorAll("details[id^='open-'][open]")].map((d) => d.id.slice(5)) : [];
    if (open.length > 0) headers["X-Open-Forms"] = open.join(",");
  });

  document.addEventListener("htmx:beforeSwap", (event) => {
    const { xhr, elt } = event.detail;
    if (xhr.getResponseHeader("X-Redrawn-Form") === "true" && sentNames.has(elt)) typedWhenSent.set(elt.id, sentNames.get(elt));
    if (xhr.status < 400 || event.detail.shouldSwap) return;
    if (xhr.getResponseHeader("X-Redrawn-Form") === "true") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      return;
    }
    show(elt, wordsOf(xhr));
  });
  for (const failure of ["htmx:sendError", "htmx:timeout"]) {
    document.addEventListener(failure, (event) => show(event.detail.elt, "网络连接中断，未能完成操作，请检查网络后重试。"));
  }
  // The next thing swapped in (a form drawn again, a section) makes an older refusal stale.
  document.addEventListener("htmx:afterSwap", () => document.getElementById(ID)?.remove());

  /** The options a select shows before anyone touches it: those drawn selected, else (one choice) the first offered. */
  function drawnChoice(field) {
    const options = [...field.options];
    const drawn = options.filter((o) => o.defaultSelected);
    if (field.type !== "select-one") return drawn;
    return drawn.length > 0 ? drawn.slice(-1) : options.filter((o) => !o.disabled).slice(0, 1);
  }
  /** Whether the user changed the field from what the server drew. */
  function changed(field) {
    if (field.type === "checkbox" || field.type === "radio") return field.checked !== field.defaultChecked;
    if (field.options) {
      const drawn = drawnChoice(field);
      return [...field.options].some((o) => o.selected !== drawn.includes(o));
    }
    return field.value !== field.defaultValue;
  }
  // The fields typed in each form when it was last sent: a form drawn again after its refusal holds them as its
  // defaults, beside values the server filled in (an amount still outstanding), which may have moved on since.
  const typedWhenSent = new Map();
  // What each form held typed when sent, made its memory only once the form comes back drawn with it (a request lost
  // or refused otherwise leaves the form as it was, its defaults still the server's).
  const sentNames = new WeakMap();
  function typedNames(form) {
    // Refused on the page's load (no record of what was sent from it): its defaults are what was typed.
    if (form.querySelector("[role=alert]") !== null && !typedWhenSent.has(form.id)) return new Set([...form.elements].filter((f) => f.name).map((f) => f.name));
    const names = new Set(typedWhenSent.get(form.id));
    for (const field of form.elements) if (field.name && changed(field)) names.add(field.name);
    return names;
  }
  // What the user typed in a form (not the defaults the server drew).
  function typedIn(form) {
    const names = typedNames(form);
    const values = [];
    for (const field of form.elements) {
      if (!field.name || field.type === "hidden" || field.type === "file" || field.disabled) continue;
      if (!names.has(field.name)) continue;
      if (field.type === "checkbox" || field.type === "radio") values.push({ name: field.name, type: field.type, value: field.value, checked: field.checked });
      else if (field.options) values.push({ name: field.name, type: field.type, chosen: [...field.selectedOptions].map((o) => o.value) });
      else values.push({ name: field.name, type: field.type, value: field.value });
    }
    return values;
  }
  function putBack(form, values) {
    for (const { name, type, value, checked, chosen } of values) {
      const named = form.elements.namedItem(name);
      for (const field of named instanceof RadioNodeList ? named : named ? [named] : []) {
        if (field.type !== type) continue;
        if (type === "checkbox" || type === "radio") {
          if (field.value === value) field.checked = checked;
        } else if (chosen) {
          // A choice no longer offered (a transfer someone else just signed for) is left to the server's drawing.
          const offered = [...field.options].filter((o) => chosen.includes(o.value));
          if (offered.length === chosen.length) for (const o of field.options) o.selected = offered.includes(o);
        } else field.value = value;
      }
    }
  }

  // After the refusal's handler: only what is going to be swapped is read. The forms are looked for in the section
  // swapped in, by their ids (one per record where a form is drawn per record: `perRecord`, src/sections/section.ts).
  let typed = null;
  const formIn = (section, id) => [...section.querySelectorAll("form[id]")].find((form) => form.id === id);
  document.addEventListener("htmx:beforeSwap", (event) => {
    const { xhr, elt, target, shouldSwap } = event.detail;
    if (!shouldSwap || !xhr.getResponseHeader("HX-Retarget") || target === elt || !target.id) return;
    const forms = [...target.querySelectorAll("form[id]")].filter((form) => form !== elt);
    typed = {
      section: target.id,
      sender: elt.id,
      refusal: xhr.getResponseHeader("X-Refusal-Message"),
      forms: forms.map((form) => ({ id: form.id, opened: form.closest("details")?.open === true, values: typedIn(form) })),
    };
  });
  document.addEventListener("htmx:afterSwap", () => {
    if (!typed) return;
    const { section: id, sender, refusal, forms } = typed;
    typed = null;
    const section = document.getElementById(id);
    if (!section) return;
    for (const { id: formId, opened, values } of forms) {
      const form = formIn(section, formId);
      // Drawn fresh: what was put back differs from its new defaults, the change itself says it was typed.
      typedWhenSent.delete(formId);
      if (!form) continue;
      const details = form.closest("details");
      if (opened && details) details.open = true;
      putBack(form, values);
    }
    // The refused form is no longer drawn (what it did no longer applies): its reason is said atop the section.
    if (refusal && sender && !formIn(section, sender)) {
      let words = refusal;
      try {
        words = decodeURIComponent(refusal);
      } catch {
        // Mangled on the way (a proxy): said as it came.
      }
      show(section.querySelector("h2") ?? section, words);
    }
  });
})();
