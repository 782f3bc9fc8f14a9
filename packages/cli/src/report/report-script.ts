/**
 * The page's only script, inline: sorting the schools table by a column, and filtering it. The
 * table is complete without it (printing and reading need no script).
 */
export const REPORT_JS = `
(function () {
  var table = document.getElementById('schools');
  if (!table) return;
  var body = table.tBodies[0];
  var collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
  var heads = table.tHead.rows[0].cells;
  function key(row, i, numeric) {
    var cell = row.cells[i];
    return numeric ? Number(cell.getAttribute('data-v')) : cell.textContent;
  }
  function sortBy(th) {
    var i = th.cellIndex;
    var numeric = th.getAttribute('data-type') === 'num';
    var current = th.getAttribute('aria-sort');
    // Numbers and norms first show the worst (largest) first; names start A→Z.
    var descending = current ? current === 'ascending' : numeric;
    for (var j = 0; j < heads.length; j++) heads[j].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, i, numeric), y = key(b, i, numeric);
      var c = numeric ? x - y : collator.compare(x, y);
      if (c === 0) c = collator.compare(a.getAttribute('data-code'), b.getAttribute('data-code'));
      return descending ? -c : c;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r); });
    body.appendChild(fragment);
  }
  for (var k = 0; k < heads.length; k++) {
    (function (th) {
      var button = th.querySelector('button');
      if (button) button.addEventListener('click', function () { sortBy(th); });
    })(heads[k]);
  }
  var search = document.getElementById('filter');
  var failing = document.getElementById('only-failing');
  var count = document.getElementById('shown');
  function filter() {
    var q = search.value.trim().toLowerCase();
    var n = 0;
    for (var r = 0; r < body.rows.length; r++) {
      var row = body.rows[r];
      var show = (!q || row.getAttribute('data-search').indexOf(q) >= 0) && (!failing.checked || row.getAttribute('data-ok') === '0');
      row.hidden = !show;
      if (show) n++;
    }
    count.textContent = count.getAttribute('data-template').replace('{n}', String(n));
  }
  search.addEventListener('input', filter);
  failing.addEventListener('change', filter);
})();
`;
