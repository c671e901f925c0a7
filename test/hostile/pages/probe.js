// Loaded first on every hostile page (a classic script, before the widgets' module): records each
// Content-Security-Policy and Trusted Types violation the page causes, wherever it happens (the
// event is composed, so violations inside shadow roots reach the document too).
'use strict';
window.hostileProbe = { violations: [] };
document.addEventListener(
  'securitypolicyviolation',
  function (e) {
    window.hostileProbe.violations.push({
      directive: e.violatedDirective,
      blocked: e.blockedURI,
      source: e.sourceFile,
      line: e.lineNumber,
      column: e.columnNumber,
      sample: e.sample,
    });
  },
  true,
);
