// Forms on a phone (issue 21 item 4): a field with a maxlength shows how much of it is used as it is typed,
// and a page or a form that comes back with mistakes moves the focus to its summary, so a screen reader starts
// there. Forms htmx brings in later (an opened form, a refused form drawn again) get the same.
(() => {
  function help(root) {
    for (const field of root.querySelectorAll("textarea[maxlength], input[maxlength][data-counter]")) {
      if (document.getElementById(`${field.id}-counter`)) continue;
      const max = Number(field.getAttribute("maxlength"));
      const counter = document.createElement("p");
      counter.className = "muted counter";
      counter.id = `${field.id}-counter`;
      counter.setAttribute("aria-live", "polite");
      const show = () => {
        counter.textContent = `已输入 ${[...field.value].length} / ${max} 字`;
      };
      show();
      field.after(counter);
      field.setAttribute("aria-describedby", [field.getAttribute("aria-describedby"), counter.id].filter(Boolean).join(" "));
      field.addEventListener("input", show);
    }
    const summary = root.querySelector(".alert-error[role=alert], .field-error[role=alert]");
    if (summary) {
      summary.setAttribute("tabindex", "-1");
      summary.focus();
    }
  }
  document.addEventListener("DOMContentLoaded", () => help(document.querySelector("main") ?? document));
  document.addEventListener("htmx:load", (event) => {
    if (event.detail.elt !== document.body) help(event.detail.elt);
  });
})();
