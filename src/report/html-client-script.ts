// The page's script, inlined into the HTML report so the file works offline, from disk, with no
// network. Plain ES2020 that every current browser runs; it reads the data from the
// <script id="lazify-data" type="application/json"> element and draws the icicle chart as SVG.
// Kept as text (no backticks inside) because it runs in the browser, not in Node.

export const HTML_CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('lazify-data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  var ROW = 22;
  var nodes = [];
  var byId = {};
  var importedBy = {};

  // Flatten the tree, remembering each node's parent for the import chain.
  function flatten(node, parent, depth) {
    var entry = { node: node, parent: parent, depth: depth, index: nodes.length };
    nodes.push(entry);
    if (!byId[node.id]) byId[node.id] = entry;
    for (var i = 0; i < node.children.length; i++) flatten(node.children[i], entry, depth + 1);
    return entry;
  }
  var roots = data.importTime.tree.map(function (root) { return flatten(root, null, 0); });
  Object.keys(data.importTime.imports).forEach(function (from) {
    data.importTime.imports[from].forEach(function (to) {
      (importedBy[to] = importedBy[to] || []).push(from);
    });
  });

  function fmt(ms) { return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1); }
  function colour(node) {
    if (node.failed) return '#d9534f';
    if (node.kind === 'local') return '#4a90d9';
    var name = node.package || node.id;
    var hash = 0;
    for (var i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
    return 'hsl(' + (20 + (hash % 40)) + ', 75%, ' + (52 + (hash % 14)) + '%)';
  }

  var chart = document.getElementById('chart');
  var width = Math.max(600, chart.clientWidth || 1000);
  var total = roots.reduce(function (sum, r) { return sum + r.node.cumulativeMs; }, 0) || 1;
  var scale = width / total;
  var maxDepth = 0;
  var svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Icicle chart of cumulative import time');

  // Icicle: a module spans its cumulative time; its children sit below it in load order and
  // the gap they leave is its self time. Slivers under half a pixel are not drawn.
  function layout(entry, x) {
    var node = entry.node;
    var w = node.cumulativeMs * scale;
    if (w < 0.5) return;
    maxDepth = Math.max(maxDepth, entry.depth);
    var g = document.createElementNS(SVG, 'g');
    g.setAttribute('class', 'module');
    g.setAttribute('data-id', node.id);
    g.setAttribute('data-index', String(entry.index));
    var rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', x.toFixed(2));
    rect.setAttribute('y', String(entry.depth * ROW));
    rect.setAttribute('width', Math.max(0.5, w - 1).toFixed(2));
    rect.setAttribute('height', String(ROW - 2));
    rect.setAttribute('fill', colour(node));
    g.appendChild(rect);
    var title = document.createElementNS(SVG, 'title');
    title.textContent = node.id + ': ' + fmt(node.cumulativeMs) + ' ms cumulative, ' + fmt(node.selfMs) + ' ms self';
    g.appendChild(title);
    if (w > 40) {
      var text = document.createElementNS(SVG, 'text');
      text.setAttribute('x', (x + 4).toFixed(2));
      text.setAttribute('y', String(entry.depth * ROW + 15));
      var label = node.id + ' ' + fmt(node.cumulativeMs) + ' ms';
      var fits = Math.floor((w - 8) / 6.5);
      text.textContent = label.length > fits ? label.slice(0, Math.max(1, fits - 1)) + '\u2026' : label;
      g.appendChild(text);
    }
    svg.appendChild(g);
    var childX = x;
    var childNodes = entry.node.children;
    var index = entry.index + 1;
    for (var i = 0; i < childNodes.length; i++) {
      var child = nodes[index];
      layout(child, childX);
      childX += child.node.cumulativeMs * scale;
      index = nextSibling(child);
    }
  }
  // Index of the entry after this one's whole subtree (the flattening is pre-order).
  function nextSibling(entry) {
    var i = entry.index + 1;
    while (i < nodes.length && nodes[i].depth > entry.depth) i++;
    return i;
  }
  var rootX = 0;
  roots.forEach(function (root) { layout(root, rootX); rootX += root.node.cumulativeMs * scale; });
  svg.setAttribute('height', String((maxDepth + 1) * ROW));
  chart.appendChild(svg);

  var details = document.getElementById('details');
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function moduleLink(id) {
    var a = el('a', id);
    a.href = '#';
    a.addEventListener('click', function (event) { event.preventDefault(); if (byId[id]) select(byId[id]); });
    return a;
  }
  function list(title, ids) {
    var section = el('section');
    section.appendChild(el('h3', title + ' (' + ids.length + ')'));
    var ul = el('ul');
    ids.slice(0, 50).forEach(function (id) { var li = el('li'); li.appendChild(moduleLink(id)); ul.appendChild(li); });
    if (ids.length > 50) ul.appendChild(el('li', '\u2026 ' + (ids.length - 50) + ' more'));
    section.appendChild(ul);
    return section;
  }
  function findingsFor(node) {
    return (data.findings || []).filter(function (f) {
      return f.file === node.id || (node.package && f.target === node.package && node.id === (byPackageRoot[node.package] || {}).id);
    });
  }
  // The first-loaded module of each package stands for the package in heavy-import findings.
  var byPackageRoot = {};
  nodes.forEach(function (entry) { if (entry.node.package && !byPackageRoot[entry.node.package]) byPackageRoot[entry.node.package] = entry.node; });

  function select(entry) {
    var node = entry.node;
    var previous = svg.querySelector('.selected');
    if (previous) previous.classList.remove('selected');
    var g = svg.querySelector('g[data-index="' + entry.index + '"]');
    if (g) g.classList.add('selected');
    details.textContent = '';
    details.appendChild(el('h2', node.id));
    var facts = el('dl');
    function fact(name, value) { facts.appendChild(el('dt', name)); facts.appendChild(el('dd', value)); }
    fact('self', fmt(node.selfMs) + ' ms');
    fact('cumulative', fmt(node.cumulativeMs) + ' ms (IQR ' + fmt(node.cumulativeIqrMs) + ' ms)');
    fact('share of total', (100 * node.cumulativeMs / total).toFixed(1) + '%');
    fact('format', node.format + (node.package ? ', package ' + node.package : ', local module'));
    fact('file', node.file);
    if (node.failed) fact('failed', node.failed);
    details.appendChild(facts);
    var chain = [];
    for (var at = entry; at; at = at.parent) chain.unshift(at.node.id);
    var why = el('section', undefined, 'chain');
    why.appendChild(el('h3', 'Why it is loaded'));
    var ol = el('ol');
    chain.forEach(function (id) { var li = el('li'); li.appendChild(moduleLink(id)); ol.appendChild(li); });
    why.appendChild(ol);
    details.appendChild(why);
    var found = findingsFor(node);
    var fs = el('section', undefined, 'findings');
    fs.appendChild(el('h3', 'Findings (' + found.length + ')'));
    if (found.length === 0) fs.appendChild(el('p', data.findings ? 'No findings for this module.' : 'Run lazify analyze --measure --format html to see findings here.'));
    found.forEach(function (f) {
      var p = el('p');
      p.appendChild(el('strong', f.kind + ' (' + f.severity + ')'));
      p.appendChild(document.createTextNode(' line ' + f.line + ': ' + f.message));
      fs.appendChild(p);
    });
    details.appendChild(fs);
    details.appendChild(list('Imports', data.importTime.imports[node.id] || []));
    details.appendChild(list('Imported by', importedBy[node.id] || []));
  }

  svg.addEventListener('click', function (event) {
    var g = event.target.closest ? event.target.closest('g.module') : null;
    if (g) select(nodes[Number(g.getAttribute('data-index'))]);
  });

  // The slowest bodies, as a table that selects on click.
  var tbody = document.querySelector('#slowest tbody');
  nodes.slice().sort(function (a, b) { return b.node.selfMs - a.node.selfMs; }).slice(0, 15).forEach(function (entry) {
    var tr = el('tr');
    tr.appendChild(el('td', fmt(entry.node.selfMs), 'num'));
    tr.appendChild(el('td', fmt(entry.node.cumulativeMs), 'num'));
    var td = el('td');
    td.appendChild(moduleLink(entry.node.id));
    tr.appendChild(td);
    tbody.appendChild(tr);
  });

  var search = document.getElementById('search');
  search.addEventListener('input', function () {
    var q = search.value.toLowerCase();
    svg.querySelectorAll('g.module').forEach(function (g) {
      g.classList.toggle('dim', q !== '' && g.getAttribute('data-id').toLowerCase().indexOf(q) === -1);
    });
  });

  if (roots.length) select(roots[0]);
})();
`;
