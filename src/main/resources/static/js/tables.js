// Table editor by keyboard: Enter in a row's field saves the row (the form's own submit), Esc cancels it, Tab moves
// between fields. A row that comes back from the server puts the cursor itself where it belongs (autofocus on the
// row's Edit button, its first field or the field refused); filtering and sorting reload the page, and the cursor
// goes back to the filter, Filter button or column link it left.
(function () {
  'use strict';
  var FOCUS = 'tables.focus';

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

  // a value checked as it is typed: the field is marked invalid while its problem shows
  document.addEventListener('htmx:afterSwap', function (event) {
    var problem = event.detail && event.detail.target;
    if (!problem || !problem.classList || !problem.classList.contains('field-problem') || !problem.id) {
      return;
    }
    var field = document.querySelector('[aria-describedby~="' + problem.id + '"]');
    if (!field) {
      return;
    }
    if (problem.textContent.trim() === '') {
      field.removeAttribute('aria-invalid');
    } else {
      field.setAttribute('aria-invalid', 'true');
    }
  });

  // a row back from the server focuses its own field (autofocus): the cursor goes after the text, ready to go on typing
  document.addEventListener('htmx:afterSettle', function () {
    var field = document.activeElement;
    if (field && field.tagName === 'INPUT' && field.closest('tr.editing')) {
      field.setSelectionRange(field.value.length, field.value.length);
    }
  });

  function remember(what) {
    try {
      window.sessionStorage.setItem(FOCUS, JSON.stringify({ path: window.location.pathname, what: what }));
    } catch (ignored) {
      // no session storage: the page simply starts at its top
    }
  }

  // filtering: remember the filter (or the Filter button) the form was sent from
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.id !== 'browse') {
      return;
    }
    var from = document.activeElement;
    if (from && from.form === form && from.name) {
      remember({ name: from.name });
    } else {
      remember({ id: 'filter-rows' });
    }
  });

  // sorting: remember the column whose link was followed
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('table.draft thead a');
    if (link) {
      remember({ column: link.textContent.trim() });
    }
  });

  function restore() {
    var stored = null;
    try {
      stored = JSON.parse(window.sessionStorage.getItem(FOCUS));
      window.sessionStorage.removeItem(FOCUS);
    } catch (ignored) {
      return;
    }
    if (!stored || !stored.what || stored.path !== window.location.pathname) {
      return;
    }
    var what = stored.what;
    var target = null;
    if (what.name) {
      target = document.querySelector('table.draft thead input[name="' + CSS.escape(what.name) + '"]');
    } else if (what.id) {
      target = document.getElementById(what.id);
    } else if (what.column) {
      target = Array.prototype.find.call(document.querySelectorAll('table.draft thead a'), function (link) {
        return link.textContent.trim() === what.column;
      });
    }
    if (target) {
      target.focus();
      if (target.tagName === 'INPUT') {
        target.setSelectionRange(target.value.length, target.value.length);
      }
    }
  }
  restore();

  // a long download: say so on the button that started it
  document.addEventListener('submit', function (event) {
    if (event.target.classList && event.target.classList.contains('open-table')) {
      event.target.classList.add('working');
      event.target.querySelector('button').disabled = true;
    }
  });
})();
