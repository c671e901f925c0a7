// Test only: makes this Chromium look like a browser without constructable stylesheets (Safari
// before 16.4, older Firefox) before anything else runs. Lit then falls back to putting each
// shadow root's styles in <style> elements, which a strict `style-src` refuses without a nonce.
'use strict';
delete Document.prototype.adoptedStyleSheets;
delete ShadowRoot.prototype.adoptedStyleSheets;
delete CSSStyleSheet.prototype.replace;
delete CSSStyleSheet.prototype.replaceSync;
