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
