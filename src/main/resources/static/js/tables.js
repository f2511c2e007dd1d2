// Table editor: Esc cancels the row being edited; Enter saves it (the form's own submit); Tab moves between fields.
(function () {
  'use strict';
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    var row = event.target.closest && event.target.closest('tr.editing');
    if (row && window.htmx) {
      event.preventDefault();
      window.htmx.ajax('GET', row.getAttribute('data-cancel'), { target: row, swap: 'outerHTML' });
    }
  });
  // put the cursor in the first field of a row that just opened for editing
  document.addEventListener('htmx:afterSwap', function (event) {
    var row = document.querySelector('tr.editing');
    var first = row && row.querySelector('input[name^="v_"]');
    if (first && !row.contains(document.activeElement)) {
      first.focus();
    }
  });
  // a long download: say so on the button that started it
  document.addEventListener('submit', function (event) {
    if (event.target.classList && event.target.classList.contains('open-table')) {
      event.target.classList.add('working');
      event.target.querySelector('button').disabled = true;
    }
  });
})();
