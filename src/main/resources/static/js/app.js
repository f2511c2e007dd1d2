// Sends the CSRF token with every HTMX request and asks before destructive form posts.
(function () {
  'use strict';
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
    }
  });
  // when refreshes stop getting answers, say so instead of showing old figures as if they were live
  var lostSince = null;
  function connectionLost() {
    var banner = document.getElementById('connection-lost');
    if (!banner) {
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
  // a table refreshed in place stays scrolled sideways where the operator left it, and keeps the keyboard focus
  var scrolled = {};
  document.addEventListener('htmx:beforeSwap', function () {
    scrolled = {};
    document.querySelectorAll('.table-scroll[id]').forEach(function (box) {
      scrolled[box.id] = { left: box.scrollLeft, focused: document.activeElement === box };
    });
  });
  document.addEventListener('htmx:afterSwap', function () {
    Object.keys(scrolled).forEach(function (id) {
      var box = document.getElementById(id);
      if (box) {
        box.scrollLeft = scrolled[id].left;
        if (scrolled[id].focused && document.activeElement !== box) {
          box.focus({ preventScroll: true });
        }
      }
    });
  });
  document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);
})();
