// Forms on a phone (issue 21 item 4): a field with a maxlength shows how much of it is used as it is typed,
// and a page that comes back with mistakes moves the focus to its summary, so a screen reader starts there.
document.addEventListener("DOMContentLoaded", () => {
  for (const field of document.querySelectorAll("textarea[maxlength], input[maxlength][data-counter]")) {
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
  const summary = document.querySelector("main .alert-error[role=alert]");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
});
