// Modal dialogs (the comment drawer, any sheet). While one is open the rest of the page is inert, so neither Tab nor
// a screen reader's cursor can wander behind it; Tab and Shift+Tab wrap inside it, Escape closes it, and closing
// gives focus back to the control that opened it. Keys are heard on the document, not on the dialog, so they still
// work after focus was lost to <body> (a focused button removed or hidden by what it did).
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
const stack = [];

/**
 * Makes `el` (already in the document) a modal dialog. `keep`: other body children that stay usable (its backdrop);
 * live regions stay too, so toasts are still announced. `onEscape` is asked to close it (the owner removes its
 * nodes, then calls `release()`). Returns {release, refocus}.
 */
export function openDialog(el, { opener = document.activeElement, keep = [], onEscape }) {
  const inerted = [...document.body.children]
    .filter((child) => child !== el && !keep.includes(child) && !child.inert && !child.matches('[aria-live]'));
  inerted.forEach((child) => { child.inert = true; });
  const dialog = {
    el,
    onKey(e) {
      if (stack[stack.length - 1] !== dialog) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        onEscape();
      } else if (e.key === 'Tab') {
        wrap(el, e);
      }
    },
    refocus() {
      (focusables(el)[0] ?? el).focus({ preventScroll: true });
    },
    release() {
      const at = stack.indexOf(dialog);
      if (at < 0) return;
      stack.splice(at, 1);
      document.removeEventListener('keydown', dialog.onKey, true);
      inerted.forEach((child) => { child.inert = false; });
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    },
  };
  stack.push(dialog);
  document.addEventListener('keydown', dialog.onKey, true);
  return dialog;
}

function focusables(el) {
  return [...el.querySelectorAll(FOCUSABLE)].filter((f) => !f.disabled && f.getClientRects().length > 0);
}

function wrap(el, e) {
  const items = focusables(el);
  const active = document.activeElement;
  if (!items.length) {
    e.preventDefault();
    el.focus();
    return;
  }
  const first = items[0];
  const last = items[items.length - 1];
  const inside = el.contains(active);
  if (e.shiftKey && (!inside || active === first)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (!inside || active === last)) {
    e.preventDefault();
    first.focus();
  }
}
