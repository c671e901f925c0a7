// What a strict-CSP page adds for browsers without constructable stylesheets: its server puts the
// response's style nonce (the one in `style-src 'nonce-…'`) on this script's tag, and the script
// hands it to Lit, which sets it on every <style> element it creates. An external file, so it
// needs no 'unsafe-inline'; it must run before the widgets' module.
'use strict';
window.litNonce = document.currentScript.nonce;
