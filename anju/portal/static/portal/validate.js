/* Inline validation on the portal: a field with data-validate="<url>" is checked by the server when
 * it changes; the Chinese message appears under the field (announced to screen readers). No inline script. */
(function () {
  "use strict";

  function feedback(input) {
    var id = (input.id || input.name) + "_live";
    var box = document.getElementById(id);
    if (!box) {
      box = document.createElement("div");
      box.id = id;
      box.className = "invalid-feedback d-block";
      box.setAttribute("aria-live", "polite");
      input.insertAdjacentElement("afterend", box);
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (described.indexOf(id) < 0) { described.push(id); input.setAttribute("aria-describedby", described.join(" ")); }
    }
    return box;
  }

  function check(input) {
    var value = input.value.trim();
    var box = feedback(input);
    if (!value) { box.textContent = ""; input.classList.remove("is-invalid"); input.removeAttribute("aria-invalid"); return; }
    var url = input.dataset.validate + (input.dataset.validate.indexOf("?") < 0 ? "?" : "&") + "value=" + encodeURIComponent(value);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        box.textContent = data.message || "";
        if (data.message) { input.classList.add("is-invalid"); input.setAttribute("aria-invalid", "true"); }
        else { input.classList.remove("is-invalid"); input.removeAttribute("aria-invalid"); }
      })
      .catch(function () { /* the server checks again on save */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-validate]").forEach(function (input) {
      input.addEventListener("change", function () { check(input); });
    });
  });
})();
