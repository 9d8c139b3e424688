// Progressive enhancement only: every page works without this file.
document.documentElement.classList.replace("no-js", "js");

document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector("[data-nav-toggle]");
  const nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      nav.classList.toggle("site-nav--open", !open);
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        toggle.setAttribute("aria-expanded", "false");
        nav.classList.remove("site-nav--open");
        toggle.focus();
      }
    });
  }
  // Move focus to the error summary so keyboard and screen-reader users hear it first.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
});

// Print buttons (the shared breakout plan).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

// A printed guide shows every answer of its questions.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details.faq__item:not([open])").forEach((details) => {
    details.setAttribute("open", "");
    details.dataset.printOpened = "true";
  });
});
window.addEventListener("afterprint", () => {
  document.querySelectorAll("details[data-print-opened]").forEach((details) => {
    details.removeAttribute("open");
    delete details.dataset.printOpened;
  });
});
