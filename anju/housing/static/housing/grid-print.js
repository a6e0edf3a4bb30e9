/* 楼盘表 print view: the 打印 button opens the browser's print dialog (A4 landscape via CSS). */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-print-page]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();
