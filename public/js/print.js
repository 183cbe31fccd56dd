// Buttons marked data-print open the browser's print dialog (no inline scripts: CSP is script-src 'self').
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) window.print();
});
