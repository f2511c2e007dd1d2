// Says when a page that refreshes by itself stops getting answers, instead of showing old figures as if they were live.
(function () {
  'use strict';
  var lostSince = null;
  // only a page that asks by itself (on a timer, or once loaded, as the fleet calls do) has figures that can go old
  function refreshes() {
    return document.querySelector('[hx-trigger^="every "], [hx-trigger="load"]') !== null;
  }
  function connectionLost() {
    var banner = document.getElementById('connection-lost');
    if (!banner || !refreshes()) {
      return;
    }
    lostSince = lostSince || new Date();
    banner.textContent = 'The dashboard has not answered since ' + lostSince.toLocaleTimeString()
      + '; the figures below may be old.';
    banner.hidden = false;
    document.body.classList.add('stale');
  }
  document.addEventListener('htmx:sendError', connectionLost);
  document.addEventListener('htmx:timeout', connectionLost);
  document.addEventListener('htmx:responseError', function (event) {
    if (event.detail.xhr && event.detail.xhr.status >= 500) {
      connectionLost();
    }
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    var banner = document.getElementById('connection-lost');
    if (event.detail.successful && banner) {
      lostSince = null;
      banner.hidden = true;
      document.body.classList.remove('stale');
    }
  });
})();
