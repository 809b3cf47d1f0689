// Before the theme's script: a browser without ResizeObserver (before 2020) would otherwise make
// the theme load a polyfill from unpkg.com. This stand-in measures once; nothing leaves the site.
if (typeof window.ResizeObserver === "undefined") {
  window.ResizeObserver = class {
    constructor(callback) { this.callback = callback; }
    observe(target) { this.callback([{ target, contentRect: target.getBoundingClientRect() }], this); }
    unobserve() {}
    disconnect() {}
  };
}
