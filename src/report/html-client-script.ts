// The page's script, inlined into the HTML report so the file works offline, from disk, with no
// network. Plain ES2020 that every current browser runs; it reads the data from the
// <script id="lazify-data" type="application/json"> element and draws the icicle chart as SVG.
// Kept as text (no backticks inside) because it runs in the browser, not in Node.

export const HTML_CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('lazify-data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  var ROW = 22;
  var AXIS = 24;
  var LOCAL_COLOUR = '#4a90d9';
  var FAILED_COLOUR = '#d9534f';

  var chart = document.getElementById('chart');
  var details = document.getElementById('details');
  var breadcrumb = document.getElementById('breadcrumb');
  var legend = document.getElementById('legend');
  var search = document.getElementById('search');
  var svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Icicle chart of cumulative import time');
  chart.appendChild(svg);

  // Everything below describes one measurement; a before/after page switches between two.
  var result, nodes, byId, importedBy, roots, total, hueOf, focus, selected;

  function use(measurement) {
    result = measurement;
    nodes = [];
    byId = {};
    importedBy = {};
    roots = result.tree.map(function (root) { return flatten(root, null, 0); });
    Object.keys(result.imports).forEach(function (from) {
      result.imports[from].forEach(function (to) { (importedBy[to] = importedBy[to] || []).push(from); });
    });
    total = roots.reduce(function (sum, r) { return sum + r.node.cumulativeMs; }, 0) || 1;
    hueOf = packageHues();
    focus = null;
    selected = null;
    drawLegend();
    drawSlowest();
  }

  // Flatten the tree, remembering each node's parent for the import chain and the breadcrumb.
  function flatten(node, parent, depth) {
    var entry = { node: node, parent: parent, depth: depth, index: nodes.length, children: [] };
    nodes.push(entry);
    if (!byId[node.id]) byId[node.id] = entry;
    if (parent) parent.children.push(entry);
    for (var i = 0; i < node.children.length; i++) flatten(node.children[i], entry, depth + 1);
    return entry;
  }

  function fmt(ms) { return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1); }

  // One distinct hue per package, handed out by the golden angle in order of the package's
  // time, so the heaviest packages get the most different colours; the band around the
  // project's own blue is skipped so a package never looks like local code.
  function packageHues() {
    var time = {};
    nodes.forEach(function (e) { if (e.node.package) time[e.node.package] = (time[e.node.package] || 0) + e.node.selfMs; });
    var names = Object.keys(time).sort(function (a, b) { return time[b] - time[a] || (a < b ? -1 : 1); });
    var hues = {};
    names.forEach(function (name, i) {
      var hue = (20 + i * 137.508) % 360;
      if (hue > 190 && hue < 245) hue = (hue + 80) % 360;
      hues[name] = { hue: hue, light: i % 2 ? 70 : 58, ms: time[name] };
    });
    return hues;
  }
  function colour(node) {
    if (node.failed) return FAILED_COLOUR;
    if (node.kind === 'local' || !node.package || !hueOf[node.package]) return LOCAL_COLOUR;
    var h = hueOf[node.package];
    return 'hsl(' + h.hue.toFixed(0) + ', 68%, ' + h.light + '%)';
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function swatch(fill) {
    var s = el('span', undefined, 'swatch');
    s.style.background = fill;
    return s;
  }

  function drawLegend() {
    legend.textContent = '';
    function item(fill, label) {
      var li = el('li');
      li.appendChild(swatch(fill));
      li.appendChild(document.createTextNode(label));
      legend.appendChild(li);
    }
    item(LOCAL_COLOUR, 'project module');
    var names = Object.keys(hueOf);
    names.slice(0, 12).forEach(function (name) {
      var h = hueOf[name];
      item('hsl(' + h.hue.toFixed(0) + ', 68%, ' + h.light + '%)', name + ' ' + fmt(h.ms) + ' ms');
    });
    if (names.length > 12) legend.appendChild(el('li', '+ ' + (names.length - 12) + ' more packages'));
    if (nodes.some(function (e) { return e.node.failed; })) item(FAILED_COLOUR, 'failed');
  }

  // A round step for the time axis: 1, 2 or 5 times a power of ten, about every 100 px.
  function niceStep(span, pixels) {
    var raw = span / Math.max(1, pixels / 100);
    var power = Math.pow(10, Math.floor(Math.log10(raw)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) if (raw <= steps[i] * power) return steps[i] * power;
    return 10 * power;
  }

  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }

  // Icicle: the focused module spans the whole width; its ancestors sit above it, full width,
  // and its descendants below it, each spanning its cumulative time in load order, the gap they
  // leave being the parent's self time. Slivers under half a pixel are not drawn.
  function draw() {
    var width = Math.max(300, (chart.clientWidth || 1000) - 10);
    var top = focus ? focus.node.cumulativeMs : total;
    var scale = width / (top || 1);
    var maxDepth = 0;
    svg.textContent = '';
    svg.setAttribute('width', String(width));
    var rows = svgEl('g', { class: 'rows', transform: 'translate(0,' + AXIS + ')' });

    function bar(entry, x, w, depth, ancestor) {
      var node = entry.node;
      maxDepth = Math.max(maxDepth, depth);
      var g = svgEl('g', { class: ancestor ? 'module ancestor' : 'module', 'data-id': node.id, 'data-index': entry.index });
      if (selected === entry) g.classList.add('selected');
      if (search.value && node.id.toLowerCase().indexOf(search.value.toLowerCase()) === -1) g.classList.add('dim');
      g.appendChild(svgEl('rect', { x: x.toFixed(2), y: depth * ROW, width: Math.max(0.5, w - 1).toFixed(2), height: ROW - 2, fill: colour(node) }));
      var title = svgEl('title', {});
      title.textContent = node.id + ': ' + fmt(node.cumulativeMs) + ' ms cumulative, ' + fmt(node.selfMs) + ' ms self' + (node.package ? ' (' + node.package + ')' : '');
      g.appendChild(title);
      if (w > 40) {
        var text = svgEl('text', { x: (x + 4).toFixed(2), y: depth * ROW + 15 });
        var label = node.id + ' ' + fmt(node.cumulativeMs) + ' ms';
        var fits = Math.floor((w - 8) / 6.5);
        text.textContent = label.length > fits ? label.slice(0, Math.max(1, fits - 1)) + '\u2026' : label;
        g.appendChild(text);
      }
      rows.appendChild(g);
    }
    function layout(entry, x, depth) {
      var w = entry.node.cumulativeMs * scale;
      if (w < 0.5) return;
      bar(entry, x, w, depth, false);
      var childX = x;
      entry.children.forEach(function (child) {
        layout(child, childX, depth + 1);
        childX += child.node.cumulativeMs * scale;
      });
    }

    var start = 0;
    if (focus) {
      var chain = [];
      for (var at = focus.parent; at; at = at.parent) chain.unshift(at);
      chain.forEach(function (entry, depth) { bar(entry, 0, width, depth, true); });
      start = chain.length;
      layout(focus, 0, start);
    } else {
      var rootX = 0;
      roots.forEach(function (root) { layout(root, rootX, 0); rootX += root.node.cumulativeMs * scale; });
    }
    var height = (maxDepth + 1) * ROW;

    // The time axis: ms from the start of the focused module (or of the import).
    var axis = svgEl('g', { class: 'axis' });
    var step = niceStep(top, width);
    for (var t = 0; t <= top + 1e-9; t += step) {
      var x = t * scale;
      axis.appendChild(svgEl('line', { x1: x.toFixed(2), x2: x.toFixed(2), y1: AXIS - 6, y2: AXIS + height }));
      var label = svgEl('text', { x: Math.min(x + 3, width - 40).toFixed(2), y: AXIS - 9 });
      label.textContent = (step < 1 ? t.toFixed(1) : t.toFixed(0)) + ' ms';
      axis.appendChild(label);
    }
    svg.appendChild(axis);
    svg.appendChild(rows);
    svg.setAttribute('height', String(AXIS + height));
    drawBreadcrumb();
  }

  function drawBreadcrumb() {
    breadcrumb.textContent = '';
    var chain = [];
    for (var at = focus; at; at = at.parent) chain.unshift(at);
    var all = el('a', 'all modules');
    all.href = '#';
    all.addEventListener('click', function (event) { event.preventDefault(); zoom(null); });
    breadcrumb.appendChild(all);
    chain.forEach(function (entry, i) {
      breadcrumb.appendChild(el('span', ' \u203a ', 'sep'));
      if (i === chain.length - 1) {
        breadcrumb.appendChild(el('strong', entry.node.id));
      } else {
        var a = el('a', entry.node.id);
        a.href = '#';
        a.addEventListener('click', function (event) { event.preventDefault(); zoom(entry); select(entry); });
        breadcrumb.appendChild(a);
      }
    });
  }

  function zoom(entry) {
    focus = entry;
    draw();
  }

  function moduleLink(id) {
    var a = el('a', id);
    a.href = '#';
    a.addEventListener('click', function (event) { event.preventDefault(); if (byId[id]) { select(byId[id]); zoom(byId[id]); } });
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
  // The first-loaded module of each package stands for the package in heavy-import findings.
  function findingsFor(node) {
    return (data.findings || []).filter(function (f) {
      if (f.file === node.id) return true;
      if (!node.package || f.target !== node.package) return false;
      var first = nodes.find(function (e) { return e.node.package === node.package; });
      return first && first.node.id === node.id;
    });
  }

  function select(entry) {
    selected = entry;
    var node = entry.node;
    svg.querySelectorAll('.selected').forEach(function (g) { g.classList.remove('selected'); });
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
    var parts = (data.topLevel || {})[node.file] || [];
    if (parts.length) {
      var spent = el('section', undefined, 'top-level');
      spent.appendChild(el('h3', 'Self time went to'));
      var ul = el('ul');
      parts.forEach(function (part) { ul.appendChild(el('li', fmt(part.ms) + ' ms  ' + part.text)); });
      spent.appendChild(ul);
      details.appendChild(spent);
    }
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
    if (found.length === 0) fs.appendChild(el('p', data.findings ? 'No findings for this module.' : 'Run lazify analyze --format html to see findings here.'));
    found.forEach(function (f) {
      var p = el('p');
      p.appendChild(el('strong', f.kind + ' (' + f.severity + ')'));
      p.appendChild(document.createTextNode(' line ' + f.line + ': ' + f.message));
      fs.appendChild(p);
    });
    details.appendChild(fs);
    details.appendChild(list('Imports', result.imports[node.id] || []));
    details.appendChild(list('Imported by', importedBy[node.id] || []));
  }

  // A click zooms into the module's subtree and shows its details; the breadcrumb, a click on
  // an ancestor bar or Escape zooms back out.
  svg.addEventListener('click', function (event) {
    var g = event.target.closest ? event.target.closest('g.module') : null;
    if (!g) return;
    var entry = nodes[Number(g.getAttribute('data-index'))];
    select(entry);
    zoom(entry);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && focus) { zoom(focus.parent); if (focus) select(focus); }
  });

  // The slowest bodies, as a table that selects on click.
  function drawSlowest() {
    var tbody = document.querySelector('#slowest tbody');
    tbody.textContent = '';
    nodes.slice().sort(function (a, b) { return b.node.selfMs - a.node.selfMs; }).slice(0, 15).forEach(function (entry) {
      var tr = el('tr');
      tr.appendChild(el('td', fmt(entry.node.selfMs), 'num'));
      tr.appendChild(el('td', fmt(entry.node.cumulativeMs), 'num'));
      var td = el('td');
      td.appendChild(moduleLink(entry.node.id));
      tr.appendChild(td);
      tbody.appendChild(tr);
    });
  }

  search.addEventListener('input', function () {
    var q = search.value.toLowerCase();
    svg.querySelectorAll('g.module').forEach(function (g) {
      g.classList.toggle('dim', q !== '' && g.getAttribute('data-id').toLowerCase().indexOf(q) === -1);
    });
  });

  // Redraw at the new width when the window is resized (once the resizing pauses).
  var resizeTimer = 0;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(draw, 80);
  });

  // A before/after page: buttons switch the chart between the two measurements.
  var switcher = document.getElementById('measurement');
  if (switcher && data.before) {
    switcher.querySelectorAll('button').forEach(function (button) {
      button.addEventListener('click', function () {
        switcher.querySelectorAll('button').forEach(function (b) { b.setAttribute('aria-pressed', String(b === button)); });
        use(button.getAttribute('data-measurement') === 'before' ? data.before : data.importTime);
        draw();
        if (roots.length) select(roots[0]);
      });
    });
  }

  use(data.importTime);
  draw();
  if (roots.length) select(roots[0]);
})();
`;
