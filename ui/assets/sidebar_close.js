// On a phone the sidebar lies over the page. After a setting changes (data.change grows) it
// closes once the student has left it alone for data.idleMs, so the new picture shows without
// a tap outside; a touch, key or scroll in the sidebar (or an open select list) restarts the
// wait, so several settings can be changed in a row. Where the sidebar sits beside the page
// (a laptop, a projector) nothing happens.
export default function ({ data }) {
  const state = window.__nnlabSidebarClose || (window.__nnlabSidebarClose = install());
  state.idleMs = data.idleMs;
  state.changed(data.change);
}

function install() {
  const state = { seen: null, touched: 0, timer: null, idleMs: 1200 };
  const sidebar = () => document.querySelector('section[data-testid="stSidebar"]');
  const overlaysPage = () => {
    const side = sidebar();
    const main = document.querySelector('[data-testid="stMain"]');
    if (!side || !main || side.getAttribute("data-collapsed") !== "false") return false;
    return main.getBoundingClientRect().left < side.getBoundingClientRect().right - 1;
  };
  const inSidebar = (e) => e.target instanceof Element
    && !!e.target.closest('[data-testid="stSidebar"], [data-baseweb="popover"]');
  for (const type of ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "input"]) {
    document.addEventListener(type, (e) => {
      if (inSidebar(e)) state.touched = Date.now();
    }, { capture: true, passive: true });
  }
  const tryClose = () => {
    const wait = state.touched + state.idleMs - Date.now();
    if (wait > 0) { state.timer = setTimeout(tryClose, wait); return; }
    state.timer = null;
    const button = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (button && overlaysPage()) button.click();
  };
  state.changed = (change) => {
    if (state.seen === null || change === state.seen) { state.seen = change; return; }
    state.seen = change;
    clearTimeout(state.timer);
    state.timer = setTimeout(tryClose, state.idleMs);
  };
  return state;
}
