// The IRSP admin console: plain DOM, fetch and SVG against /irsp/admin/api (same origin, session cookie);
// nothing is loaded from elsewhere, so it works on a network without the internet.
'use strict';
// state-changing calls echo the session's CSRF token, which the overview hands to this page only
let csrfToken = '';
const api = (path, options) => fetch('api/' + path, Object.assign({ headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-IRSP-CSRF': csrfToken } }, options))
  .then(r => { if (r.status === 401) { location.href = '../admin-login.html'; } return r.json().then(body => r.ok ? body : Promise.reject(body)); });
const post = (path, body) => api(path, { method: 'POST', body: JSON.stringify(body || {}) });
const el = id => document.getElementById(id);
const cell = text => { const td = document.createElement('td'); td.textContent = text === undefined || text === null ? '' : String(text); return td; };
const row = values => { const tr = document.createElement('tr'); values.forEach(v => tr.appendChild(cell(v))); return tr; };
const fill = (table, rows, empty, columns) => {
  const body = el(table).querySelector('tbody');
  body.innerHTML = '';
  rows.forEach(r => body.appendChild(r));
  if (!rows.length) { const tr = row([empty]); tr.className = 'empty'; tr.firstChild.colSpan = columns; body.appendChild(tr); }
};
const address = a => a ? a.type + ' ' + a.id : '';
const time = t => t ? t.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
const failure = e => (e && e.reason) ? e.reason + (e.details && e.details.field ? ' (' + e.details.field + ')' : '') : 'the request failed';
let selected = null;
let page = 0;
let sessionsPage = 0;

// ---- header -------------------------------------------------------------------------------------------
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

// ---- tabs ---------------------------------------------------------------------------------------------
const TABS = { dashboard: ['dashboard'], accounts: ['accounts', 'detail'], sessions: ['sessions'], 'audit-log': ['audit-log'] };
function showTab() {
  const tab = TABS[location.hash.slice(1)] ? location.hash.slice(1) : 'dashboard';
  document.querySelectorAll('section.tab').forEach(s => { s.hidden = !TABS[tab].includes(s.id); });
  document.querySelectorAll('#tabs a').forEach(a => a.classList.toggle('current', a.dataset.tab === tab));
  ({ dashboard, accounts: search, sessions, 'audit-log': audit })[tab]();
}

// ---- dashboard: small SVG line charts of the node's samples ---------------------------------------------
const COLOURS = ['#2f6fde', '#e0822b', '#2a9d57', '#c0392b'];
function chart(id, samples, series) {
  const svg = el('chart-' + id), w = 300, h = 110, top = 8, bottom = 98;
  const values = series.flatMap(([, pick]) => samples.map(pick).filter(v => v !== undefined));
  const max = Math.max(1e-9, ...values);
  const x = i => samples.length < 2 ? w : i * w / (samples.length - 1);
  const y = v => bottom - (v / max) * (bottom - top);
  let shapes = '<line x1="0" y1="' + bottom + '" x2="' + w + '" y2="' + bottom + '" stroke="#ccd"/>'
    + '<text x="2" y="' + (top + 2) + '" font-size="9" fill="#667">' + format(max) + '</text>';
  series.forEach(([, pick], k) => {
    const points = samples.map((s, i) => pick(s) === undefined ? null : x(i).toFixed(1) + ',' + y(pick(s)).toFixed(1)).filter(p => p);
    shapes += '<polyline fill="none" stroke-width="1.5" stroke="' + COLOURS[k] + '" points="' + points.join(' ') + '"/>';
  });
  svg.innerHTML = shapes;
  const legend = el('legend-' + id);
  legend.innerHTML = '';
  series.forEach(([name, pick], k) => {
    const last = samples.length ? pick(samples[samples.length - 1]) : undefined;
    const span = document.createElement('span');
    span.style.color = COLOURS[k];
    span.dataset.series = name;
    span.textContent = name + ' ' + (last === undefined ? '–' : format(last));
    legend.appendChild(span);
  });
}
const format = v => v >= 100 ? Math.round(v).toString() : (Math.round(v * 100) / 100).toString();
const ms = name => s => s[name] === undefined ? undefined : s[name] * 1000;

function dashboard() {
  return api('dashboard').then(d => {
    const s = d.samples;
    el('sampled').textContent = '· node ' + d.node + ' · ' + s.length + ' samples, one every ' + d.sampleSeconds + ' s';
    chart('connections', s, [['bound', v => v.connectionsBound], ['open', v => v.connectionsOpen]]);
    chart('messages', s, [['forwarded', v => v.forwarded], ['stored', v => v.stored], ['refused', v => v.refused], ['expired', v => v.expired]]);
    chart('logins', s, [['succeeded', v => v.logins], ['failed', v => v.loginFailures]]);
    chart('latency', s, [['p50', ms('latencyP50')], ['p95', ms('latencyP95')], ['p99', ms('latencyP99')]]);
    chart('frames', s, [['in', v => v.framesIn], ['out', v => v.framesOut]]);
    chart('queued', s, [['offline', v => v.offlineItems], ['dead letters', v => v.deadItems], ['frames to slow clients', v => v.queuedFrames]]);
  }).then(deadLetters);
}

function deadLetters() {
  return api('dead-letters?limit=50').then(d => {
    el('dead-count').textContent = '· ' + d.depth + ' in irsp.dead' + (d.depth > d.items.length ? ', the first ' + d.items.length + ' shown' : '');
    fill('dead', d.items.map(i => row([i.recipient || i.originalAddress, i.kind, i.deadReason, time(i.storedAt), i.sizeBytes])), 'None.', 5);
  });
}

function purgeDead() {
  confirmAction('purge-dead', 'irsp.dead').then(reason => {
    if (reason === null) return;
    post('dead-letters/purge', { reason }).then(r => { alert(r.purged + ' dead letter(s) purged.'); deadLetters(); }, e => alert(failure(e)));
  });
}

// ---- accounts -----------------------------------------------------------------------------------------
function search() {
  const params = new URLSearchParams({ q: el('q').value.trim(), type: el('type').value, deviceType: el('device-type').value.trim(),
    owner: el('owner').value.trim(), page: String(page), size: '20' });
  return api('accounts?' + params).then(result => {
    fill('accounts-table', result.accounts.map(a => {
      const tr = row([a.type, a.id, a.name, a.status, a.presence + (a.connCount ? ' (' + a.connCount + ')' : '')]);
      tr.className = 'selectable' + (a.status === 'disabled' ? ' disabled' : '');
      tr.addEventListener('click', () => show(a.type, a.id));
      return tr;
    }), 'No matches.', 5);
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    el('found').textContent = result.total + (result.total === 1 ? ' match' : ' matches') + ' · page ' + (result.page + 1) + ' of ' + pages;
    el('prev').disabled = result.page === 0;
    el('next').disabled = !result.more;
  });
}

function render(a) {
  selected = a;
  el('nothing').hidden = true;
  el('account').hidden = false;
  el('d-id').textContent = a.type + ' ' + a.id;
  el('d-name').textContent = a.name || '';
  el('d-status').textContent = a.status;
  el('d-created').textContent = time(a.createdAt);
  el('d-presence').textContent = a.presence;
  el('d-connections').textContent = a.connections.length ? a.connections.join(', ') : 'none';
  el('d-offline').textContent = a.offlineItems + ' item(s)';
  el('d-owner').textContent = a.owner || '';
  el('d-device').textContent = a.type === 'device' ? [a.deviceType, a.manufacturer, a.model, a.firmwareVersion].filter(v => v).join(' · ') : '';
  el('d-lock').textContent = a.lockedSeconds ? 'locked for ' + a.lockedSeconds + ' s' : 'not locked';
  document.querySelectorAll('.actions .device-only').forEach(b => { b.hidden = a.type !== 'device'; });
  fill('relationships', a.relationships.map(r => row([r.kind, address(r.peer), r.role,
    r.rights === undefined ? '' : r.rightsNamed.join(', ') + ' (' + r.rights + ')'])), 'None.', 4);
  const requests = [...a.pendingRequests.incoming.map(r => ['incoming', r]), ...a.pendingRequests.outgoing.map(r => ['outgoing', r])];
  fill('requests', requests.map(([direction, r]) => row([direction, r.kind, address(r.requester), address(r.target), time(r.expiresAt)])), 'None.', 5);
}

function offlinePath() {
  return 'accounts/' + selected.type + '/' + encodeURIComponent(selected.id) + '/offline';
}

function showOffline(listing) {
  el('offline').hidden = false;
  fill('offline', listing.items.flatMap(i => {
    const rows = [row([i.kind, i.sender || '', time(i.storedAt), time(i.expiresAt), i.sizeBytes])];
    if (i.frame) {
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 5;
      const pre = document.createElement('pre');
      pre.className = 'frame';
      pre.textContent = i.frame;
      td.appendChild(pre);
      tr.appendChild(td);
      rows.push(tr);
    }
    return rows;
  }), listing.depth ? 'Held by a connection on another node.' : 'Empty.', 5);
  el('d-offline').textContent = listing.depth + ' item(s)';
}

function offline(action) {
  if (action === 'show') return api(offlinePath()).then(showOffline);
  confirmAction(action, selected.type + ' ' + selected.id).then(reason => {
    if (reason === null) return;
    if (action === 'read-offline') {
      post(offlinePath() + '/read', { reason }).then(showOffline, e => alert(failure(e)));
    } else {
      post(offlinePath() + '/purge', { reason }).then(r => { alert(r.purged + ' item(s) purged.'); show(selected.type, selected.id); },
        e => alert(failure(e)));
    }
  });
}

function show(type, id) {
  el('once').hidden = true;
  el('offline').hidden = true;
  return api('accounts/' + type + '/' + encodeURIComponent(id)).then(render);
}

const DESTRUCTIVE = ['kick', 'disable', 'reset-secret', 'reset-code', 'kick-session', 'read-offline', 'purge-offline', 'purge-dead'];
const DESCRIPTIONS = {
  kick: 'End every session of %s and close its connections?',
  disable: 'Disable %s? Its sessions end and it cannot log in until enabled again.',
  enable: 'Enable %s again?',
  unlock: 'Lift the login lock of %s?',
  'reset-secret': 'Give %s a new generated secret? Its sessions end; the device needs the new secret to log in.',
  'reset-code': 'Give %s a new generated verification code? The old code stops working for claims.',
  'kick-session': 'End the session %s and close its connection?',
  'read-offline': 'Read the messages stored for %s? Reading them is recorded in the audit log.',
  'purge-offline': 'Delete every item stored for %s? They will never be delivered.',
  'purge-dead': 'Delete the dead letters in %s (up to 10,000 at a time)?'
};

// A confirmation with a reason (mandatory for destructive actions) before anything changes; resolves to the reason.
function confirmAction(action, subject) {
  const dialog = el('confirm');
  el('confirm-text').textContent = DESCRIPTIONS[action].replace('%s', subject);
  el('reason').value = '';
  el('reason').required = DESTRUCTIVE.includes(action);
  el('reason-need').textContent = DESTRUCTIVE.includes(action) ? '(required, kept in the audit log)' : '(optional, kept in the audit log)';
  el('confirm-error').textContent = '';
  return new Promise(resolve => {
    dialog.onclose = () => resolve(dialog.returnValue === 'ok' ? el('reason').value.trim() : null);
    dialog.returnValue = '';
    dialog.showModal();
  });
}

function act(action) {
  if (!selected) return;
  const subject = selected.type + ' ' + selected.id;
  confirmAction(action, subject).then(reason => {
    if (reason === null) return;
    post('accounts/' + selected.type + '/' + encodeURIComponent(selected.id) + '/' + action, { reason }).then(a => {
      render(a);
      if (a.secret || a.verificationCode) {
        el('once').hidden = false;
        el('once').textContent = (a.secret ? 'New secret: ' + a.secret : 'New verification code: ' + a.verificationCode) + ' — shown once, copy it now.';
      }
      search(); health();
      // connections close asynchronously after a kick, a disable or a reset: look again shortly
      [1000, 3000].forEach(ms => setTimeout(() => { show(a.type, a.id); health(); }, ms));
    }, e => alert(failure(e)));
  });
}

function create(event) {
  event.preventDefault();
  const type = el('c-type').value, credential = el('c-credential').value;
  const body = { type, reason: 'created in the console' };
  if (type === 'user') {
    Object.assign(body, { userId: el('c-id').value.trim(), password: credential });
    if (el('c-name').value.trim()) body.nickname = el('c-name').value.trim();
  } else {
    Object.assign(body, { deviceId: el('c-id').value.trim(), deviceType: el('c-device-type').value.trim(),
      manufacturer: el('c-manufacturer').value.trim(), model: el('c-model').value.trim() });
    if (credential) body.secret = credential;
    if (el('c-name').value.trim()) body.name = el('c-name').value.trim();
  }
  post('accounts', body).then(a => {
    el('c-result').className = '';
    el('c-result').textContent = 'Created ' + a.type + ' ' + a.id + (a.secret ? ' · secret ' + a.secret : '')
      + (a.verificationCode ? ' · verification code ' + a.verificationCode : '') + (a.secret || a.verificationCode ? ' (shown once)' : '');
    render(a);
  }, e => { el('c-result').className = 'disabled'; el('c-result').textContent = 'Not created: ' + failure(e); });
}

// ---- sessions -----------------------------------------------------------------------------------------
function sessions() {
  return api('sessions?page=' + sessionsPage + '&size=50').then(result => {
    fill('sessions-table', result.sessions.map(s => {
      const tr = row([address(s.entity), s.connId, s.clientAddress, time(s.since), s.node || (s.boundAt ? '' : 'not bound'),
        s.lastFrameSecondsAgo === undefined ? (s.boundAt ? 'on node ' + s.node : '') : s.lastFrameSecondsAgo + ' s ago']);
      const td = document.createElement('td');
      const kick = document.createElement('button');
      kick.textContent = 'Kick';
      kick.className = 'danger kick-session';
      kick.dataset.conn = s.connId;
      kick.addEventListener('click', () => confirmAction('kick-session', s.connId + ' (' + address(s.entity) + ')').then(reason => {
        if (reason === null) return;
        post('sessions/' + encodeURIComponent(s.connId) + '/kick', { reason }).then(() => { sessions(); health(); }, e => alert(failure(e)));
      }));
      td.appendChild(kick);
      tr.appendChild(td);
      tr.dataset.conn = s.connId;
      return tr;
    }), 'No live sessions.', 7);
    el('sessions-count').textContent = '· ' + result.total + ' in the cluster, this page from node ' + result.node;
    el('s-prev').disabled = result.page === 0;
    el('s-next').disabled = !result.more;
  });
}

// ---- audit --------------------------------------------------------------------------------------------
function audit() {
  const params = new URLSearchParams({ actor: el('actor').value.trim(), action: el('action').value.trim(), limit: '100' });
  return api('audit?' + params).then(result => {
    fill('audit', result.records.map(r => row([time(r.at), r.actor, r.clientIp, r.action, r.outcome, r.detail])), 'No records.', 6);
  });
}

// ---- wiring -------------------------------------------------------------------------------------------
el('search').addEventListener('submit', e => { e.preventDefault(); page = 0; search(); });
el('prev').addEventListener('click', () => { page = Math.max(0, page - 1); search(); });
el('next').addEventListener('click', () => { page++; search(); });
el('s-prev').addEventListener('click', () => { sessionsPage = Math.max(0, sessionsPage - 1); sessions(); });
el('s-next').addEventListener('click', () => { sessionsPage++; sessions(); });
el('s-refresh').addEventListener('click', sessions);
el('audit-filter').addEventListener('submit', e => { e.preventDefault(); audit(); });
el('create-form').addEventListener('submit', create);
el('c-type').addEventListener('change', () => document.querySelectorAll('#create-form .device-only').forEach(i => { i.hidden = el('c-type').value !== 'device'; }));
el('c-type').dispatchEvent(new Event('change'));
document.querySelectorAll('#account .actions button[data-action]').forEach(b => b.addEventListener('click', () => {
  const action = b.dataset.action;
  if (action === 'read-offline' || action === 'purge-offline') offline(action); else act(action);
}));
el('offline-show').addEventListener('click', () => offline('show'));
el('dead-purge').addEventListener('click', purgeDead);
// a destructive action is not confirmed without a reason: the dialog stays open and says so
el('confirm-ok').addEventListener('click', e => {
  if (el('reason').required && el('reason').value.trim().length < 3) {
    e.preventDefault();
    el('confirm-error').textContent = 'Give a reason (at least 3 characters).';
  }
});
el('signout').addEventListener('click', () => post('logout').then(() => { location.href = '../admin-login.html?signedout'; }));
window.addEventListener('hashchange', showTab);
health().then(showTab);
setInterval(() => { if (!el('dashboard').hidden) { dashboard(); health(); } }, 10000);
