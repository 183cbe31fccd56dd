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
  for (const failure of ["htmx:sendError", "htmx:timeout"]) {
    document.addEventListener(failure, (event) => show(event.detail.elt, "网络连接中断，未能完成操作，请检查网络后重试。"));
  }
  // The next thing swapped in (a form drawn again, a section) makes an older refusal stale.
  document.addEventListener("htmx:afterSwap", () => document.getElementById(ID)?.remove());
})();
