// Symphainy admin page: one classic script (deferred), no dependencies. Every text from the server goes into the DOM as text.
'use strict';
const TOKEN = 'symphainy.session';
const TERMINAL = new Set(['COMPLETED', 'FAILED', 'COMPENSATED', 'COMPENSATION_FAILED', 'DENIED', 'REJECTED', 'CANCELLED', 'ABANDONED']);
const $ = (id) => document.getElementById(id);
let leaving = [];   // clean-ups of the current view (open event streams)

/** An element with attributes (on* as listeners) and children (strings become text nodes). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'testid') el.dataset.testid = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}
function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
const text = (v) => (v === undefined || v === null || v === '' ? '—' : String(v));
const state = (s, testid) => h('span', { class: `state ${s || ''}`, testid }, text(s));
const json = (v) => h('pre', {}, JSON.stringify(v, null, 2));
function table(columns, rows, testid) {
  return h('table', { testid },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, 'Nothing to show.'))));
}

/** A problem+json answer (or a network failure) as an error carrying its title and detail. */
class ApiError extends Error {
  constructor(status, title, detail, code) { super(`${title}: ${detail}`); Object.assign(this, { status, title, detail, code }); }
}
async function problem(res) {
  let body = {};
  try { body = await res.json(); } catch { /* not JSON */ }
  return new ApiError(res.status, body.title || `HTTP ${res.status}`, body.detail || res.statusText || '', body.code);
}

/** Calls the API with the session token; 401 signs out. Answers the parsed JSON (or the Response when raw). */
async function api(method, path, { body, type, raw, accept = [200, 201, 202] } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = sessionStorage.getItem(TOKEN);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined && !(body instanceof Blob)) { headers['Content-Type'] = 'application/json'; body = JSON.stringify(body); }
  if (type) headers['Content-Type'] = type;
  let res;
  try { res = await fetch(path, { method, headers, body, cache: 'no-store' }); }
  catch (e) { throw new ApiError(0, 'Server unreachable', `${method} ${path} failed: ${e.message}; check that the server runs`); }
  if (res.status === 401 && token) { signedOut('Your session ended; sign in again.'); throw new ApiError(401, 'Signed out', 'sign in again'); }
  if (!accept.includes(res.status)) throw await problem(res);
  if (raw) return res;
  return res.status === 204 ? null : res.json();
}

function showError(e, where = $('banner')) {
  where.replaceChildren(h('strong', {}, e.title || 'Error'), h('span', {}, e.detail ?? e.message ?? String(e)));
  where.hidden = false;
}
const clearError = () => { $('banner').hidden = true; $('banner').replaceChildren(); };

// ---- sign in / out -------------------------------------------------------------------------------------------------

async function signIn(event) {
  event.preventDefault();
  const key = $('api-key').value.trim();
  $('sign-in-error').hidden = true;
  try {
    const res = await fetch('/api/v1/sessions', { method: 'POST', headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' }, cache: 'no-store' });
    if (res.status !== 201) throw await problem(res);
    const session = await res.json();
    sessionStorage.setItem(TOKEN, session.token);
    sessionStorage.setItem(`${TOKEN}.who`, `${session.actor}@${session.tenant}`);
    $('api-key').value = '';
    if (!location.hash || location.hash === '#/') location.hash = '#/bundles'; else route();
  } catch (e) {
    $('sign-in-error').className = 'error';
    showError(e, $('sign-in-error'));
  }
}

async function signOut() {
  try { await api('DELETE', '/api/v1/sessions/current', { accept: [200, 204] }); } catch { /* signed out anyway */ }
  signedOut('Signed out.');
}

function signedOut(message) {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(`${TOKEN}.who`);
  stopView();
  $('view').replaceChildren();
  clearError();
  chrome(false);
  const note = $('sign-in-error');
  note.replaceChildren(message || '');
  note.hidden = !message;
  note.className = message === 'Signed out.' ? 'note' : 'error';
}

function chrome(signedIn) {
  $('sign-in').hidden = signedIn;
  $('nav').hidden = !signedIn;
  $('who').hidden = !signedIn;
  $('who-name').textContent = sessionStorage.getItem(`${TOKEN}.who`) || '';
  if (!signedIn) $('api-key').focus();
}

// ---- routing -------------------------------------------------------------------------------------------------------

const views = { bundles, intents, executions, wal, replay, health };

function stopView() { for (const f of leaving) f(); leaving = []; }

async function route() {
  stopView();
  clearError();
  if (!sessionStorage.getItem(TOKEN)) { chrome(false); return; }
  chrome(true);
  const [path, query] = location.hash.slice(1).split('?');
  const parts = path.split('/').filter(Boolean);
  const name = views[parts[0]] ? parts[0] : 'bundles';
  for (const a of document.querySelectorAll('nav a')) {
    if (a.getAttribute('href') === `#/${name}`) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const view = $('view');
  view.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    await views[name](view, parts.slice(1).map(decodeURIComponent), new URLSearchParams(query || ''));
  } catch (e) {
    if (e.status !== 401) { view.replaceChildren(); showError(e); }
  }
}

// ---- bundles -------------------------------------------------------------------------------------------------------

async function bundles(view) {
  const data = await api('GET', '/admin/v1/bundles');
  const follow = h('div', { testid: 'deploy-result' });
  const file = h('input', { type: 'file', accept: '.jar', required: true, testid: 'deploy-file', id: 'deploy-file' });
  const reason = h('input', { type: 'text', placeholder: 'why', testid: 'deploy-reason', id: 'deploy-reason' });
  const deploy = async (e) => {
    e.preventDefault();
    const jar = file.files[0];
    if (!jar) return;
    clearError();
    try {
      const q = new URLSearchParams({ fileName: jar.name });
      if (reason.value.trim()) q.set('reason', reason.value.trim());
      const accepted = await api('POST', `/admin/v1/bundles?${q}`, { body: jar, type: 'application/java-archive' });
      followExecution(follow, accepted, accepted.staged ? `${accepted.staged.symbolicName} ${accepted.staged.version}` : jar.name);
    } catch (err) { showError(err); }
  };
  const act = (b, verb, method, path) => h('button', {
    type: 'button', class: 'secondary', testid: `bundle-${verb}-${b.id}`, 'aria-label': `${verb} ${b.symbolicName}`,
    onclick: async () => {
      clearError();
      try { followExecution(follow, await api(method, path, { body: {} }), `${verb} ${b.symbolicName}`); } catch (err) { showError(err); }
    } }, verb);
  const rows = data.bundles.map((b) => h('tr', { testid: `bundle-row-${b.symbolicName}` },
    h('td', {}, text(b.id)),
    h('td', {}, h('span', { class: 'mono' }, text(b.symbolicName)), b.platform ? h('span', { class: 'muted' }, ' (platform)') : null),
    h('td', {}, text(b.version)),
    h('td', {}, state(b.state, `bundle-state-${b.symbolicName}`)),
    h('td', {}, (b.declaredIntents || []).map((i) => h('div', { class: 'mono' }, i))),
    h('td', {}, b.problem ? h('span', { class: 'state bad' }, b.problem) : ''),
    h('td', {}, b.platform ? '' : h('span', { class: 'actions' },
      b.state === 'ACTIVE' ? act(b, 'stop', 'POST', `/admin/v1/bundles/${b.id}/stop`) : act(b, 'start', 'POST', `/admin/v1/bundles/${b.id}/start`),
      act(b, 'uninstall', 'DELETE', `/admin/v1/bundles/${b.id}`)))));
  view.replaceChildren(
    h('h2', {}, 'Bundles'),
    h('div', { class: 'card' }, h('h3', {}, 'Deploy a bundle'),
      h('form', { onsubmit: deploy, testid: 'deploy-form' }, h('label', { for: 'deploy-file' }, 'Jar', file),
        h('label', { for: 'deploy-reason' }, 'Reason', reason), h('button', { type: 'submit', testid: 'deploy' }, 'Deploy')),
      follow),
    table(['Id', 'Name', 'Version', 'State', 'Declared intents', 'Problem', ''], rows, 'bundles-table'));
}

/** Shows a 202 answer and follows its execution live until it ends. */
function followExecution(where, accepted, what) {
  const st = state('ACCEPTED', 'follow-state');
  where.replaceChildren(h('div', { class: 'note' }, `${what}: `, h('code', {}, accepted.intent || ''), ' → execution ',
    h('a', { href: `#/executions/${encodeURIComponent(accepted.executionId)}`, testid: 'follow-link' }, accepted.executionId), ' ', st));
  leaving.push(stream(accepted.executionId, (u) => { st.className = `state ${u.state}`; st.textContent = u.state; }));
}

// ---- intents -------------------------------------------------------------------------------------------------------

async function intents(view) {
  const data = await api('GET', '/admin/v1/intents');
  const rows = data.intents.map((i) => h('tr', { testid: `intent-row-${i.type}` },
    h('td', { class: 'mono' }, text(i.type)), h('td', {}, text(i.version)), h('td', { class: 'mono' }, text(i.bundle)),
    h('td', {}, text(i.bundleVersion)), h('td', {}, i.handler ? 'yes' : 'no')));
  const refusals = data.refusals || [];
  view.replaceChildren(h('h2', {}, 'Intents'),
    table(['Type', 'Version', 'Bundle', 'Bundle version', 'Handler'], rows, 'intents-table'),
    refusals.length ? [h('h3', {}, 'Refused declarations'), h('div', { testid: 'refusals' }, refusals.map(json))] : null);
}

// ---- executions ----------------------------------------------------------------------------------------------------

async function executions(view, [id], params) {
  if (id) return execution(view, id);
  const form = h('form', { testid: 'executions-filter' },
    h('label', {}, 'State', h('select', { name: 'state' }, ['', 'ACCEPTED', 'RUNNING', 'COMPLETED', 'FAILED', 'COMPENSATING', 'COMPENSATED', 'COMPENSATION_FAILED', 'DENIED', 'REJECTED']
      .map((s) => h('option', { value: s.toLowerCase(), selected: params.get('state') === s.toLowerCase() }, s || 'any')))),
    h('label', {}, 'Type', h('input', { name: 'type', value: params.get('type') || '', testid: 'filter-type' })),
    h('label', {}, 'Tenant', h('input', { name: 'tenant', value: params.get('tenant') || '' })),
    h('label', {}, 'Since', h('input', { name: 'since', type: 'datetime-local', value: local(params.get('since')) })),
    h('label', {}, 'Until', h('input', { name: 'until', type: 'datetime-local', value: local(params.get('until')) })),
    h('label', {}, 'Limit', h('input', { name: 'limit', type: 'number', min: 1, max: 1000, value: params.get('limit') || 50, size: 5 })),
    h('button', { type: 'submit', testid: 'filter-apply' }, 'Apply'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) q.set(k, k === 'since' || k === 'until' ? new Date(v).toISOString() : v);
    location.hash = `#/executions?${q}`;
  });
  const q = new URLSearchParams(params);
  q.delete('prev');
  const data = await api('GET', `/admin/v1/executions?${q}`);
  const rows = data.items.map((x) => h('tr', { testid: `execution-row-${x.id}` },
    h('td', {}, h('a', { href: `#/executions/${encodeURIComponent(x.id)}`, class: 'mono' }, x.id)),
    h('td', { class: 'mono' }, text(x.type)), h('td', {}, state(x.state)), h('td', {}, text(x.tenant)), h('td', {}, text(x.actor)),
    h('td', {}, text(x.acceptedAt)), h('td', {}, text(x.endedAt))));
  const prevs = params.getAll('prev');
  const page = (cursor, back) => {
    const n = new URLSearchParams(params);
    n.delete('cursor'); n.delete('prev');
    if (back) { prevs.slice(0, -1).forEach((p) => n.append('prev', p)); if (prevs.at(-1)) n.set('cursor', prevs.at(-1)); }
    else { prevs.forEach((p) => n.append('prev', p)); n.append('prev', params.get('cursor') || ''); n.set('cursor', cursor); }
    location.hash = `#/executions?${n}`;
  };
  view.replaceChildren(h('h2', {}, 'Executions'), h('div', { class: 'card' }, form),
    table(['Id', 'Type', 'State', 'Tenant', 'Actor', 'Accepted', 'Ended'], rows, 'executions-table'),
    h('div', { class: 'pager' },
      h('button', { type: 'button', class: 'secondary', disabled: !params.get('cursor'), onclick: () => page(null, true), testid: 'executions-prev' }, '← Newer'),
      h('button', { type: 'button', class: 'secondary', disabled: !data.nextCursor, onclick: () => page(data.nextCursor, false), testid: 'executions-next' }, 'Older →')));
}
function local(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

async function execution(view, id) {
  const x = await api('GET', `/admin/v1/executions/${encodeURIComponent(id)}`);
  const st = state(x.state, 'execution-state');
  const live = h('ul', { class: 'plain live', testid: 'live-events', 'aria-label': 'Live updates' });
  const liveStatus = h('span', { class: 'muted', testid: 'live-status' }, 'connecting…');
  const replayOut = h('div', { testid: 'replay-result' });
  const body = h('div', {});
  const render = (e) => body.replaceChildren(
    h('div', { class: 'row' },
      h('div', { class: 'card' }, h('h3', {}, 'Execution'), h('dl', { class: 'kv' }, [
        ['Id', e.id], ['Type', e.type], ['Version', e.version], ['Tenant', e.tenant], ['Actor', e.actor],
        ['Correlation', e.correlationId], ['Idempotency key', e.idempotencyKey], ['Accepted', e.acceptedAt], ['Ended', e.endedAt],
        ['Handler', e.handler ? `${e.handler.bundle} ${e.handler.bundleVersion} (${e.handler.intentType} ${e.handler.intentVersion})` : null]
      ].map(([k, v]) => [h('dt', {}, k), h('dd', {}, text(v))])), e.failure ? h('div', { class: 'error', testid: 'execution-failure' },
        h('strong', {}, e.failure.code), e.failure.message) : null),
      h('div', { class: 'card' }, h('h3', {}, 'Live updates ', liveStatus), live)),
    h('h3', {}, 'Decisions'),
    table(['Stage', 'Allowed', 'Code', 'Reasons'], (e.decisions || []).map((d) => h('tr', {},
      h('td', {}, text(d.stage)), h('td', {}, state(d.allowed ? 'allowed' : 'refused', null)), h('td', { class: 'mono' }, text(d.code)),
      h('td', {}, (d.reasons || []).length ? d.reasons.map((r) => h('div', {}, r)) : '—')))
      .map((tr, i) => { tr.querySelector('.state').classList.add((e.decisions[i].allowed ? 'ok' : 'bad')); return tr; }), 'decisions-table'),
    h('h3', {}, 'Steps'),
    table(['#', 'Name', 'Type', 'State', 'Attempts', 'Started', 'Ended', 'Artifacts'], (e.steps || []).map((s) => h('tr', {},
      h('td', {}, text(s.number)), h('td', {}, s.name ? (s.compensation ? `undo ${s.name}` : s.name) : '—'),
      h('td', { class: 'mono' }, text(s.type)), h('td', {}, state(s.state)), h('td', {}, text(s.attempts)),
      h('td', {}, text(s.startedAt)), h('td', {}, text(s.endedAt)), h('td', { class: 'mono' }, (s.artifactIds || []).join(', ')))), 'steps-table'),
    e.saga ? [h('h3', {}, 'Compensation'), h('div', { class: e.saga.uncompensated.length ? 'error' : '', testid: 'saga-status' },
      h('p', {}, `Gave up at step ${e.saga.failedStep}. Undone: ${e.saga.compensated.join(', ') || 'nothing'}. `,
        h('strong', {}, `Not undone: ${e.saga.uncompensated.join(', ') || 'nothing'}`))),
    table(['Step', 'Compensation', 'Attempt', 'At', 'Code', 'Message'], e.saga.failures.map((f) => h('tr', {},
      h('td', {}, text(f.step)), h('td', {}, f.compensation ? 'yes' : 'no'), h('td', {}, text(f.attempt)), h('td', {}, text(f.at)),
      h('td', { class: 'mono' }, text(f.failure.code)), h('td', {}, text(f.failure.message)))), 'saga-failures-table')] : null,
    h('h3', {}, 'Artifacts'),
    table(['Id', 'Kind', 'Media type', 'Size', 'Content'], (e.artifacts || []).map((a) => h('tr', { testid: `artifact-${a.id}` },
      h('td', { class: 'mono' }, text(a.id)), h('td', {}, text(a.kind)), h('td', {}, text(a.mediaType)), h('td', {}, text(a.size)),
      h('td', {}, h('button', { type: 'button', class: 'secondary', testid: `artifact-show-${a.id}`, onclick: (ev) => showArtifact(ev.target, a) }, 'Show')))),
    'artifacts-table'),
    h('h3', {}, 'WAL timeline'),
    table(['Sequence', 'Type', 'Execution', 'Recorded', 'Hash', 'Record'], (e.timeline || []).map(walRow), 'timeline-table'),
    e.payload !== undefined ? [h('h3', {}, 'Payload'), json(e.payload)] : null);
  render(x);
  view.replaceChildren(
    h('p', {}, h('a', { href: '#/executions' }, '← Executions')),
    h('h2', {}, 'Execution ', h('code', { testid: 'execution-id' }, x.id), ' ', st),
    h('div', { class: 'actions' }, h('button', { type: 'button', testid: 'replay', onclick: () => runReplay(replayOut, x.id) }, 'Replay'),
      h('a', { href: `#/wal?execution=${encodeURIComponent(x.id)}` }, 'WAL records')),
    replayOut, body);
  let current = x.state;
  leaving.push(stream(id, (u) => {
    live.append(h('li', { testid: 'live-event' }, `#${u.sequence} ${u.at || ''} ${u.state}${u.step ? ` step ${u.step.number} ${u.step.state}` : ''}`));
    st.textContent = u.state; st.className = `state ${u.state}`;
    if (u.state !== current || u.step) {
      current = u.state;
      api('GET', `/admin/v1/executions/${encodeURIComponent(id)}`).then((fresh) => { render(fresh); body.querySelector('[data-testid=live-events]')?.replaceWith(live); body.querySelector('[data-testid=live-status]')?.replaceWith(liveStatus); }).catch(() => {});
    }
  }, (s) => { liveStatus.textContent = s; }));
}

async function showArtifact(button, artifact) {
  try {
    const url = new URL(artifact.content, location.href);   // the API is on this page's server
    const res = await api('GET', url.pathname + url.search, { raw: true });
    const content = await res.text();
    button.replaceWith(h('pre', { testid: `artifact-content-${artifact.id}` }, content));
  } catch (e) { showError(e); }
}

/**
 * Follows an execution's Server-Sent Events with fetch() (EventSource cannot send the Authorization header), parsing
 * the stream itself and resuming with Last-Event-ID after a dropped connection. Answers the function that stops it.
 */
function stream(id, onUpdate, onStatus = () => {}) {
  const abort = new AbortController();
  let lastId = null;
  let ended = false;
  const run = async () => {
    for (let attempt = 0; !ended && !abort.signal.aborted; attempt++) {
      try {
        const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${sessionStorage.getItem(TOKEN)}` };
        if (lastId) headers['Last-Event-ID'] = lastId;
        const res = await fetch(`/api/v1/executions/${encodeURIComponent(id)}/events`, { headers, signal: abort.signal, cache: 'no-store' });
        if (res.status === 401) { signedOut('Your session ended; sign in again.'); return; }
        if (!res.ok) throw await problem(res);
        onStatus('live');
        attempt = 0;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        let event = { data: [] };
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let nl;
          while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
            if (line === '') {
              if (event.id !== undefined) lastId = event.id;
              if (event.data.length && (event.name || 'message') !== 'ping') {
                try {
                  const u = JSON.parse(event.data.join('\n'));
                  onUpdate(u);
                  if (TERMINAL.has(u.state)) ended = true;
                } catch { /* not an update */ }
              }
              event = { data: [] };
            } else if (!line.startsWith(':')) {
              const colon = line.indexOf(':');
              const field = colon < 0 ? line : line.slice(0, colon);
              let val = colon < 0 ? '' : line.slice(colon + 1);
              if (val.startsWith(' ')) val = val.slice(1);
              if (field === 'data') event.data.push(val);
              else if (field === 'id') event.id = val;
              else if (field === 'event') event.name = val;
            }
          }
        }
      } catch (e) {
        if (abort.signal.aborted) return;
        if (e instanceof ApiError) { onStatus(`stopped: ${e.title}`); return; }
        onStatus('reconnecting…');
      }
      if (!ended) await new Promise((r) => setTimeout(r, Math.min(10000, 500 * 2 ** attempt)));
    }
    if (ended) onStatus('ended');
  };
  run();
  return () => abort.abort();
}

// ---- WAL -----------------------------------------------------------------------------------------------------------

function walRow(r) {
  return h('tr', { testid: `wal-row-${r.sequence}` }, h('td', {}, text(r.sequence)), h('td', { class: 'mono' }, text(r.type)),
    h('td', {}, r.executionId ? h('a', { href: `#/executions/${encodeURIComponent(r.executionId)}`, class: 'mono' }, r.executionId) : '—'),
    h('td', {}, text(r.recordedAt)), h('td', { class: 'mono', title: r.hash || '' }, r.hash ? `${String(r.hash).slice(0, 12)}…` : '—'),
    h('td', {}, h('details', {}, h('summary', {}, 'record'), json(r.record))));
}

async function wal(view, _parts, params) {
  const exec = params.get('execution');
  const from = Math.max(1, Number(params.get('from')) || 1);
  const limit = Math.min(1000, Math.max(1, Number(params.get('limit')) || 100));
  const data = exec ? await api('GET', `/admin/v1/wal/executions/${encodeURIComponent(exec)}`)
    : await api('GET', `/admin/v1/wal?from=${from}&limit=${limit}`);
  const records = data.records || [];
  const form = h('form', { testid: 'wal-form' },
    h('label', {}, 'From sequence', h('input', { name: 'from', type: 'number', min: 1, value: from, testid: 'wal-from' })),
    h('label', {}, 'Limit', h('input', { name: 'limit', type: 'number', min: 1, max: 1000, value: limit })),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => { e.preventDefault(); const f = new FormData(form); location.hash = `#/wal?from=${f.get('from')}&limit=${f.get('limit')}`; });
  const last = records.length ? Number(records.at(-1).sequence) : from - 1;
  view.replaceChildren(h('h2', {}, 'Write-ahead log'), h('div', { class: 'card' }, form,
    exec ? h('p', {}, 'Records of execution ', h('code', {}, exec)) : h('p', { class: 'muted', testid: 'wal-last' }, `Last sequence: ${text(data.lastSequence)}`)),
    table(['Sequence', 'Type', 'Execution', 'Recorded', 'Hash', 'Record'], records.map(walRow), 'wal-table'),
    exec ? null : h('div', { class: 'pager' },
      h('button', { type: 'button', class: 'secondary', disabled: from <= 1, testid: 'wal-prev', onclick: () => { location.hash = `#/wal?from=${Math.max(1, from - limit)}&limit=${limit}`; } }, '← Earlier'),
      h('button', { type: 'button', class: 'secondary', disabled: !(data.next || (data.lastSequence && last < data.lastSequence)), testid: 'wal-next', onclick: () => { location.hash = `#/wal?from=${last + 1}&limit=${limit}`; } }, 'Later →')));
}

// ---- replay --------------------------------------------------------------------------------------------------------

async function runReplay(where, id) {
  where.replaceChildren(h('p', { class: 'muted' }, 'Replaying…'));
  try { where.replaceChildren(report(await api('POST', `/admin/v1/executions/${encodeURIComponent(id)}/replay`, { body: {} }))); }
  catch (e) { where.replaceChildren(); showError(e); }
}

function report(r) {
  const verdict = r.failure ? 'failed' : r.identical ? 'identical' : 'different';
  return h('div', { class: 'card', testid: 'replay-report' },
    h('p', {}, 'Replay of ', h('a', { href: `#/executions/${encodeURIComponent(r.executionId)}`, class: 'mono' }, r.executionId), ': ',
      h('span', { class: `state ${verdict === 'identical' ? 'ok' : 'bad'}`, testid: 'replay-verdict' }, verdict)),
    r.failure ? h('div', { class: 'error' }, h('strong', {}, r.failure.code), r.failure.message) : null,
    h('dl', { class: 'kv' }, h('dt', {}, 'Recorded handler'), h('dd', {}, handlerText(r.recordedHandler)),
      h('dt', {}, 'Replayed handler'), h('dd', {}, handlerText(r.replayedHandler))),
    (r.differences || []).length ? [h('h3', {}, 'Differing artifacts'), h('div', { testid: 'replay-differences' }, r.differences.map(json))] : null);
}
const handlerText = (x) => (x ? `${x.bundle ?? ''} ${x.bundleVersion ?? ''} ${x.intentType ?? ''} ${x.intentVersion ?? ''}`.trim() : '—');

async function replay(view, _parts, params) {
  const one = h('div', { testid: 'replay-result' });
  const bulkOut = h('div', { testid: 'bulk-result' });
  const idInput = h('input', { name: 'id', required: true, value: params.get('id') || '', size: 40, testid: 'replay-id' });
  const typeInput = h('input', { name: 'type', required: true, placeholder: 'platform.echo', testid: 'bulk-type' });
  const limitInput = h('input', { name: 'limit', type: 'number', min: 1, max: 10000, value: 100 });
  const bulk = async (e) => {
    e.preventDefault();
    clearError();
    bulkOut.replaceChildren(h('p', { class: 'muted' }, 'Replaying…'));
    try {
      const r = await api('POST', '/admin/v1/replay', { body: { type: typeInput.value.trim(), limit: Number(limitInput.value) } });
      bulkOut.replaceChildren(h('p', { testid: 'bulk-summary' }, `${r.type}: ${r.replayed} replayed, ${r.identical} identical, ${r.changed} changed, ${r.failed} failed`),
        (r.reports || []).map(report));
    } catch (err) { bulkOut.replaceChildren(); showError(err); }
  };
  view.replaceChildren(h('h2', {}, 'Replay'),
    h('div', { class: 'card' }, h('h3', {}, 'One execution'),
      h('form', { onsubmit: (e) => { e.preventDefault(); clearError(); runReplay(one, idInput.value.trim()); } },
        h('label', {}, 'Execution id', idInput), h('button', { type: 'submit' }, 'Replay')), one),
    h('div', { class: 'card' }, h('h3', {}, 'Every recent execution of an intent type'),
      h('form', { onsubmit: bulk }, h('label', {}, 'Intent type', typeInput), h('label', {}, 'Latest', limitInput),
        h('button', { type: 'submit', testid: 'bulk-replay' }, 'Replay')), bulkOut));
  if (params.get('id')) runReplay(one, params.get('id'));
}

// ---- health --------------------------------------------------------------------------------------------------------

async function health(view) {
  const data = await api('GET', '/admin/v1/health', { accept: [200, 503] });
  view.replaceChildren(h('h2', {}, 'Health'),
    h('p', {}, 'Live ', state(data.live ? 'yes' : 'no', 'health-live'), ' Ready ', state(data.ready ? 'yes' : 'no', 'health-ready')),
    table(['Intent', 'Readiness', 'Detail'], (data.intents || []).map((i) => h('tr', {}, h('td', { class: 'mono' }, text(i.type)),
      h('td', {}, state(i.readiness)), h('td', {}, text(i.detail ?? i.reason)))), 'health-table'));
  for (const s of view.querySelectorAll('[data-testid^=health-]')) s.classList.add(s.textContent === 'yes' ? 'ok' : 'bad');
}

// ---- start ---------------------------------------------------------------------------------------------------------

$('sign-in-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', signOut);
window.addEventListener('hashchange', route);
route();
