// The page's clock for one action of bench_ui.py (its comment above PAGE_CLOCK says what it measures).
window.__runsFinished = 0;
const finishesRun = (buffer) => {
  const bytes = new Uint8Array(buffer);
  let at = 0;
  const varint = () => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return value;
  };
  while (at < bytes.length) {
    const tag = varint(), field = Math.floor(tag / 8), wire = tag % 8;
    if (wire === 0) { const value = varint(); if (field === 6) return value !== 2; }
    else if (wire === 2) { const length = varint(); at += length; }  // not `at += varint()`: at is read first
    else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else return false;
  }
  return false;
};
const CountingWebSocket = window.WebSocket;
window.WebSocket = class extends CountingWebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      const count = (buffer) => { if (finishesRun(buffer)) window.__runsFinished += 1; };
      if (event.data instanceof ArrayBuffer) count(event.data);
      else if (event.data instanceof Blob) event.data.arrayBuffer().then(count);
    });
  }
};
window.__armClock = (before, done) => {
  window.__inputAt = null;
  window.__settledAt = null;
  let since = null;
  const answered = () => !done || [...document.querySelectorAll(done.selector)].some(
    (e) => (done.value ? e.value : e.innerText) === done.text || (done.partial && e.innerText.includes(done.text)));
  const check = (now) => {
    const app = document.querySelector('[data-testid="stApp"]');
    const ready = window.__inputAt !== null && window.__runsFinished > before
      && app && app.getAttribute("data-test-script-state") === "notRunning"
      && !document.querySelector('[data-testid="stStatusWidget"]') && answered();
    if (!ready) { since = null; requestAnimationFrame(check); return; }
    if (since === null) { since = now; requestAnimationFrame(check); return; }
    window.__settledAt = since;
  };
  requestAnimationFrame(check);
};
for (const type of ["keydown", "mousedown"]) {
  document.addEventListener(type, (event) => {
    if (window.__inputAt === null) window.__inputAt = event.timeStamp;
  }, true);
}
