// baggrund: the little JavaScript there is. No inline script (the CSP forbids it).
"use strict";

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
}

function markTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  const el = document.getElementById(id);
  // a passage of a document, or a search hit (where "add to bundle" returns to)
  if (!el || !(el.classList.contains("passage") || el.classList.contains("hit"))) return;
  document.querySelectorAll(".passage.marked, .hit.marked").forEach((p) => {
    p.classList.remove("marked");
    p.removeAttribute("aria-current");
  });
  el.classList.add("marked");
  el.setAttribute("aria-current", "true");
  el.setAttribute("tabindex", "-1");
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: "center" });
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  const label = button.textContent;
  copyText(button.dataset.citation).then(() => {
    button.textContent = button.dataset.done || "Copied";
    button.classList.add("done");
    setTimeout(() => {
      button.textContent = label;
      button.classList.remove("done");
    }, 2000);
  });
});

window.addEventListener("hashchange", markTarget);
document.addEventListener("DOMContentLoaded", markTarget);
