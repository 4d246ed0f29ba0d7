import type { Controller } from "./controller";
import type { Strings } from "./i18n";

const SVG = "http://www.w3.org/2000/svg";

/** Both icons in one svg; CSS shows the chat bubble while closed and the cross while open. */
function icon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  for (const d of ["M4 5h16v11H9l-5 4z", "M6 6l12 12M18 6L6 18"]) {
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}

/**
 * The round button that is all widget.js draws (plain DOM: no framework in the part every page loads). Its
 * label, icon and aria-expanded follow the controller; a label turns it into a pill while closed.
 */
export function createLauncher(controller: Controller, label: string | null, t: Strings, onToggle: () => void): HTMLButtonElement {
  const button = document.createElement("button");
  const text = document.createElement("span");
  text.className = "fd-launcher-label";
  text.textContent = label;
  button.type = "button";
  button.dataset.testid = "launcher";
  button.append(icon(), text);
  const render = () => {
    const open = controller.isOpen;
    button.className = `fd-launcher${label && !open ? " fd-labelled" : ""}${open ? " fd-open" : ""}`;
    button.setAttribute("aria-label", open ? t.closeChat : (label ?? t.openChat));
    button.setAttribute("aria-expanded", String(open));
  };
  render();
  button.onclick = onToggle;
  controller.subscribe(render);
  return button;
}
