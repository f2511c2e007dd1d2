// The calls list refreshes itself; while a kill is being prepared or waits for confirmation it holds still, so
// the row the operator acted on is not swapped away under the request or the preview.
(function () {
  'use strict';
  var preparing = 0;
  document.addEventListener('htmx:beforeRequest', function (event) {
    var elt = event.detail.elt;
    if (elt && elt.id === 'call-table') {
      if (preparing > 0 || document.getElementById('removal-confirm')) {
        event.preventDefault();
      }
    }
    else if (event.detail.target && event.detail.target.id === 'action-panel') {
      preparing++;
    }
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.target && event.detail.target.id === 'action-panel' && preparing > 0) {
      preparing--;
    }
  });
})();
