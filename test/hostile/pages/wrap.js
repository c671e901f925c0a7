// A tag manager's wrappers, loaded before the widgets (a classic script): the page's own fetch and
// EventSource are replaced by functions that record each call and then call through — the way
// analytics, consent and error-tracking scripts wrap them. The widgets must keep working through
// them (and do go through them: the test reads window.hostileWrapped).
'use strict';
(function () {
  var seen = (window.hostileWrapped = { fetch: [], eventSource: [] });

  var realFetch = window.fetch;
  window.fetch = function fetch(input, init) {
    var url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    var method = (init && init.method) || (input instanceof Request ? input.method : 'GET');
    seen.fetch.push(method.toUpperCase() + ' ' + url);
    return realFetch.apply(this, arguments).then(function (response) {
      return response; // an analytics hook would time it here
    });
  };

  var RealEventSource = window.EventSource;
  function EventSource(url, init) {
    seen.eventSource.push(String(url));
    return new RealEventSource(url, init);
  }
  EventSource.prototype = RealEventSource.prototype;
  EventSource.CONNECTING = RealEventSource.CONNECTING;
  EventSource.OPEN = RealEventSource.OPEN;
  EventSource.CLOSED = RealEventSource.CLOSED;
  window.EventSource = EventSource;
})();
