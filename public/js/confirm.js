// A form with data-confirm asks before it is sent: 结案, 投诉人撤回 and 标记作废 cannot be taken back by the
// person who pressed them (a supervisor reopens, evidence stays void).
document.addEventListener(
  "submit",
  (event) => {
    const form = event.target;
    const question = form instanceof HTMLFormElement ? form.dataset.confirm : undefined;
    if (question && !window.confirm(question)) event.preventDefault();
  },
  true,
);
