// Anju page behaviour without inline scripts (CSP: script-src 'self').
document.addEventListener("DOMContentLoaded", () => {
  // Forms marked data-confirm ask before submitting.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
  // Filter selects submit on change.
  document.querySelectorAll("form.filter-form select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
});
