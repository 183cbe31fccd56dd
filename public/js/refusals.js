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
    const section = elt.closest?.("section[id]");
    const open = section ? [...section.querySelectorAll("details[id^='open-'][open]")].map((d) => d.id.slice(5)) : [];
    if (open.length > 0) headers["X-Open-Forms"] = open.join(",");
  });

  let typed = null;
  function typedIn(section, sender) {
    const values = [];
    for (const form of section.querySelectorAll("form[id]")) {
      if (form === sender) continue;
      if (form.closest("details")?.open) values.push({ form: form.id, opened: true });
      for (const field of form.elements) {
        if (!field.name || field.type === "hidden" || field.type === "file" || field.disabled) continue;
        const chosen =
          field.type === "checkbox" || field.type === "radio"
            ? field.checked
            : field.type === "select-multiple"
              ? [...field.selectedOptions].map((o) => o.value)
              : field.value;
        values.push({ form: form.id, name: field.name, type: field.type, value: field.value, chosen });
      }
    }
    return values;
  }
  function putBack(values) {
    for (const { form, opened, name, type, value, chosen } of values) {
      const details = document.getElementById(form)?.closest("details");
      if (opened && details) details.open = true;
      if (opened) continue;
      const fields = document.getElementById(form)?.elements.namedItem(name);
      if (!fields) continue;
      for (const field of fields instanceof RadioNodeList ? fields : [fields]) {
        if (field.type !== type) continue;
        if (type === "checkbox" || type === "radio") {
          if (field.value === value) field.checked = chosen;
        } else if (type === "select-multiple") {
          for (const option of field.options) option.selected = chosen.includes(option.value);
        } else field.value = chosen;
      }
    }
  }
  document.addEventListener("htmx:afterSwap", () => {
    if (typed) putBack(typed);
    typed = null;
  });

  document.addEventListener("htmx:beforeSwap", (event) => {
    const { xhr, elt } = event.detail;
    if (xhr.status < 400 || event.detail.shouldSwap) return;
    if (xhr.getResponseHeader("X-Redrawn-Form") === "true") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      return;
    }
    show(elt, wordsOf(xhr));
  });
  // After the refusal's handler: only what is going to be swapped is read.
  document.addEventListener("htmx:beforeSwap", (event) => {
    const { xhr, elt, target, shouldSwap } = event.detail;
    if (shouldSwap && xhr.getResponseHeader("HX-Retarget") && target !== elt) typed = typedIn(target, elt);
  });
  for (const failure of ["htmx:sendError", "htmx:timeout"]) {
    document.addEventListener(failure, (event) => show(event.detail.elt, "网络连接中断，未能完成操作，请检查网络后重试。"));
  }
  // The next thing swapped in (a form drawn again, a section) makes an older refusal stale.
  document.addEventListener("htmx:afterSwap", () => document.getElementById(ID)?.remove());
})();
