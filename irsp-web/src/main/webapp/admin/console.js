// The IRSP admin console: plain DOM and fetch against /irsp/admin/api (same origin, session cookie).
'use strict';
// state-changing calls echo the session's CSRF token, which the overview hands to this page only
let csrfToken = '';
const api = (path, options) => fetch('api/' + path, Object.assign({ headers: { Accept: 'application/json', 'X-IRSP-CSRF': csrfToken } }, options))
  .then(r => { if (r.status === 401) { location.href = '../admin-login.html'; } return r.json(); });
const el = id => document.getElementById(id);
const cell = text => { const td = document.createElement('td'); td.textContent = text === undefined ? '' : String(text); return td; };
const row = (values) => { const tr = document.createElement('tr'); values.forEach(v => tr.appendChild(cell(v))); return tr; };
let selected = null;

function health() {
  return api('overview').then(o => {
    csrfToken = o.csrfToken;
    el('health').innerHTML = '';
    [['database', o.database], ['broker', o.broker]].forEach(([name, status]) => {
      const s = document.createElement('span');
      s.className = status === 'UP' ? 'up' : 'down';
      s.textContent = name + ' ' + status;
      el('health').appendChild(s);
    });
    const c = document.createElement('span');
    c.textContent = o.connectionsBound + ' bound / ' + o.connectionsOpen + ' open connections · ' + o.admin;
    el('health').appendChild(c);
    const n = document.createElement('span');
    n.id = 'node';
    n.textContent = 'node ' + o.node + ' · IRSP ' + o.version + ' · up ' + uptime(o.uptimeSeconds);
    el('health').appendChild(n);
  });
}

function uptime(seconds) {
  const d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60);
  return (d ? d + 'd ' : '') + (d || h ? h + 'h ' : '') + m + 'min';
}

function search() {
  const q = encodeURIComponent(el('q').value.trim());
  api('accounts?q=' + q + '&type=' + el('type').value).then(result => {
    const body = el('accounts').querySelector('tbody');
    body.innerHTML = '';
    result.accounts.forEach(a => {
      const tr = row([a.type, a.id, a.status, a.presence + (a.connCount ? ' (' + a.connCount + ')' : '')]);
      tr.className = 'selectable' + (a.status === 'disabled' ? ' disabled' : '');
      tr.dataset.type = a.type;
      tr.dataset.id = a.id;
      tr.addEventListener('click', () => show(a.type, a.id));
      body.appendChild(tr);
    });
  });
}

function render(a) {
  selected = a;
  el('nothing').hidden = true;
  el('account').hidden = false;
  el('d-id').textContent = a.type + ' ' + a.id;
  el('d-status').textContent = a.status;
  el('d-presence').textContent = a.presence;
  el('d-connections').textContent = a.connections.length ? a.connections.join(', ') : 'none';
  el('d-offline').textContent = a.offlineItems + ' item(s)';
  el('d-owner').textContent = a.owner || '';
  const body = el('relationships').querySelector('tbody');
  body.innerHTML = '';
  a.relationships.forEach(r => body.appendChild(row([r.kind, r.peer.type + ' ' + r.peer.id, r.role, r.rights])));
}

function show(type, id) {
  api('accounts/' + type + '/' + encodeURIComponent(id)).then(render);
}

function act(action) {
  if (!selected) return;
  api('accounts/' + selected.type + '/' + encodeURIComponent(selected.id) + '/' + action, { method: 'POST' })
    .then(a => {
      render(a); search(); audit(); health();
      // connections close asynchronously after a kick or a disable: look again shortly
      [1000, 3000].forEach(ms => setTimeout(() => { show(a.type, a.id); health(); }, ms));
    });
}

function audit() {
  const params = new URLSearchParams({ actor: el('actor').value.trim(), action: el('action').value.trim(), limit: '100' });
  api('audit?' + params).then(result => {
    const body = el('audit').querySelector('tbody');
    body.innerHTML = '';
    result.records.forEach(r => body.appendChild(row([r.at, r.actor, r.clientIp, r.action, r.outcome, r.detail])));
  });
}

el('search').addEventListener('submit', e => { e.preventDefault(); search(); });
el('audit-filter').addEventListener('submit', e => { e.preventDefault(); audit(); });
['kick', 'disable', 'enable'].forEach(action => el(action).addEventListener('click', () => act(action)));
el('signout').addEventListener('click', () => api('logout', { method: 'POST' }).then(() => { location.href = '../admin-login.html?signedout'; }));
health().then(() => { search(); audit(); });
