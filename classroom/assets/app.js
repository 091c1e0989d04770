// The classroom's page: it asks the server for a session with the link's
// settings, listens to its events (server-sent), draws the frames and sends
// the trainer's changes. Nothing here is fetched from anywhere but the
// server that served the page.
'use strict';

const $ = (id) => document.getElementById(id);
let stories = [];
let story = null;        // the story the controls were built for
let sessionId = null;
let events = null;
let state = null;        // the latest state event
let frame = null;        // the latest frame event
let lastT = null;        // the clock of the frame before
const particles = [[], []];
const carry = [{}, {}];  // fractions of customers not drawn yet, by kind and channel

function showError(msg) {
  const e = $('error');
  e.textContent = msg;
  e.hidden = false;
}
function clearError() { $('error').hidden = true; $('error').textContent = ''; }

async function api(method, path) {
  const r = await fetch(path, { method });
  let body = null;
  if (r.status !== 204) {
    try { body = await r.json(); } catch (e) { body = null; }
  }
  if (!r.ok) throw new Error((body && body.error) || ('the server answered ' + r.status));
  return body;
}

// Settings as a query, from the controls.
function queryOf(s) {
  const q = new URLSearchParams();
  q.set('story', s.story);
  if (s.seed) q.set('seed', s.seed);
  if (s.preset) q.set('preset', s.preset);
  for (const p of Object.keys(s.agents)) if (s.agents[p]) q.set('agents.' + p, s.agents[p]);
  if (s.volume !== 100) q.set('volume', s.volume);
  if (s.wom !== null) q.set('wom', s.wom ? 'on' : 'off');
  if (s.coupling !== null) q.set('coupling', s.coupling);
  for (const c of Object.keys(s.channels)) if (s.channels[c] !== null) q.set('channel.' + c, s.channels[c] ? 'on' : 'off');
  return q.toString();
}

// settingsOf reads a query the server wrote into settings for the controls.
function settingsOf(query, st) {
  const q = new URLSearchParams(query);
  const s = { story: st.name, seed: q.get('seed'), preset: Number(q.get('preset') || 0), agents: {}, volume: Number(q.get('volume') || 100),
    wom: q.has('wom') ? q.get('wom') === 'on' : null, coupling: q.has('coupling') ? Number(q.get('coupling')) : null, channels: {} };
  for (const p of st.pools) s.agents[p] = Number(q.get('agents.' + p) || 0);
  for (const c of st.channels) s.channels[c.name] = q.has('channel.' + c.name) ? q.get('channel.' + c.name) === 'on' : null;
  return s;
}

let current = null; // the settings the controls show

function buildControls(st) {
  story = st;
  $('story').value = st.name;
  $('story-title').textContent = st.title;
  $('story-description').replaceChildren(...st.description.split(/\n\s*\n/).map((para) => Object.assign(document.createElement('p'), { textContent: para.replace(/\s+/g, ' ').trim() })));
  const claims = $('story-claims');
  claims.replaceChildren(...st.claims.map((c) => { const li = document.createElement('li'); li.textContent = c; return li; }));
  if (st.claims.length === 0) claims.replaceChildren(Object.assign(document.createElement('li'), { textContent: 'This story makes no claims: its description is the story.' }));
  const preset = $('preset');
  preset.replaceChildren(new Option('none', '0'), ...st.presets.map((p, i) => new Option(p.label, String(i + 1))));
  preset.disabled = st.presets.length === 0;
  const pools = $('pools');
  pools.replaceChildren();
  for (const p of st.pools) {
    const id = 'pool-' + p;
    const wrap = document.createElement('div');
    const label = document.createElement('label');
    label.htmlFor = id;
    const out = document.createElement('output');
    out.id = id + '-out';
    label.append(p + ': ', out);
    const input = Object.assign(document.createElement('input'), { type: 'range', id, min: -20, max: 20, step: 1, value: 0 });
    input.dataset.pool = p;
    input.addEventListener('input', () => { out.textContent = signed(Number(input.value)); });
    input.addEventListener('change', () => { current.agents[p] = Number(input.value); send(); });
    wrap.append(label, input);
    pools.append(wrap);
  }
  const chans = $('channels');
  chans.replaceChildren();
  $('channels-fs').hidden = !st.choosing;
  for (const c of st.channels) {
    const label = document.createElement('label');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', id: 'channel-' + c.name });
    box.addEventListener('change', () => { current.channels[c.name] = box.checked === c.on ? null : box.checked; send(); });
    label.append(box, ' ' + c.name);
    chans.append(label);
  }
  $('day').max = st.horizon_days;
}

function signed(n) { return n > 0 ? '+' + n : String(n).replace('-', '−'); }

// showSettings sets the controls to the settings s.
function showSettings(s) {
  current = s;
  $('preset').value = String(s.preset);
  $('volume').value = s.volume;
  $('volume-out').textContent = s.volume + ' %';
  const wom = s.wom === null ? story.word_of_mouth : s.wom;
  $('wom').checked = wom;
  const coupling = s.coupling === null ? story.coupling : s.coupling;
  $('coupling').value = coupling;
  $('coupling-out').textContent = Number(coupling).toFixed(2);
  $('coupling').disabled = !wom;
  for (const p of story.pools) {
    const input = $('pool-' + p);
    input.value = s.agents[p];
    $('pool-' + p + '-out').textContent = signed(s.agents[p]);
  }
  for (const c of story.channels) {
    const v = s.channels[c.name];
    $('channel-' + c.name).checked = v === null ? c.on : v;
  }
}

// awaiting is, while a change is on its way, the settings the server is
// to confirm ('' before it answers): states of older settings, still on
// their way, must not set the controls back.
let awaiting = null;
let sendTimer = null;
function send() {
  clearTimeout(sendTimer);
  awaiting = '';
  sendTimer = setTimeout(async () => {
    try {
      const body = await api('POST', '/api/sessions/' + sessionId + '/settings?' + queryOf(current));
      clearError();
      if (awaiting === '') {
        awaiting = body.settings;
        // Its state may have come before the answer.
        if (state && state.settings === body.settings) onState(state);
      }
    } catch (e) {
      awaiting = null;
      showError('That change could not be made: ' + e.message);
      if (state) onState(state);
    }
  }, 120);
}

async function control(q) {
  try {
    await api('POST', '/api/sessions/' + sessionId + '/control?' + q);
    clearError();
  } catch (e) {
    showError(e.message);
  }
}

async function start(query) {
  const body = await api('POST', '/api/sessions?' + query);
  sessionId = body.id;
  history.replaceState(null, '', '?' + body.settings);
  listen();
}

// listen opens the session's event stream, closing the one before.
function listen() {
  if (events) events.close();
  const es = new EventSource('/api/sessions/' + sessionId + '/events');
  events = es;
  es.addEventListener('state', (ev) => onState(JSON.parse(ev.data)));
  es.addEventListener('frame', (ev) => onFrame(JSON.parse(ev.data)));
  es.onerror = () => {
    if (es.readyState === EventSource.CLOSED) showError('The connection to the server was lost: reload the page when it is back.');
  };
}

// A hidden page lets its event stream go, and takes it up again when
// shown: a browser opens few connections to one server (6 over HTTP/1.1),
// and each stream holds one, so that tabs in the background would
// otherwise leave a new one none.
document.addEventListener('visibilitychange', () => {
  if (!sessionId) return;
  if (document.hidden) {
    if (events) { events.close(); events = null; }
  } else if (!events) {
    listen();
  }
});

function onState(s) {
  if (s.error) { showError(s.error); return; }
  state = s;
  if (awaiting === s.settings) awaiting = null;
  if (awaiting === null) {
    if (!story || story.name !== s.story.name) buildControls(s.story);
    showSettings(settingsOf(s.settings, s.story));
    history.replaceState(null, '', '?' + s.settings);
    $('link').value = location.origin + '/?' + s.settings;
  }
  $('play').textContent = s.playing ? 'Pause' : 'Play';
  $('play').setAttribute('aria-pressed', String(s.playing));
  $('speed').value = String(s.speed);
  for (let i = 0; i < 2; i++) {
    const side = s.sides[i];
    const fig = $('side-' + i);
    fig.querySelector('.side-label').textContent = side.label + (i === 1 && side.sets.length ? ' (' + side.sets.join(', ') + ')' : '');
    fig.querySelector('.status').textContent = statusText(side);
  }
  renderVerdicts(s);
}

function statusText(side) {
  switch (side.status) {
    case 'running': return side.meta ? '— the first ' + side.meta.replications + ' replications in ' + secs(side.run_ms) + '; running the rest…' : '— running…';
    case 'judging': return '— ran in ' + secs(side.run_ms) + '; judging the claims…';
    case 'ready': return '— ran in ' + secs(side.run_ms) + ', ' + side.meta.replications + ' replications';
    case 'failed': return '— could not run: ' + side.error;
  }
  return '';
}
function secs(ms) { return (ms / 1000).toFixed(2) + ' s'; }

function renderVerdicts(s) {
  const box = $('verdict');
  const parts = [];
  for (let i = 0; i < 2; i++) {
    const side = s.sides[i];
    const div = document.createElement('div');
    div.className = 'verdict-side';
    const h = document.createElement('h3');
    h.textContent = side.label;
    div.append(h);
    if (side.status === 'running' || side.status === 'judging') {
      div.append(Object.assign(document.createElement('p'), { textContent: 'Judging after the run…' }));
    } else if (side.status === 'failed') {
      div.append(Object.assign(document.createElement('p'), { textContent: 'No verdict: the run failed.' }));
    } else if (side.verdicts.length === 0) {
      div.append(Object.assign(document.createElement('p'), { textContent: 'This story makes no claims to judge.' }));
    }
    for (const v of side.verdicts) {
      const p = document.createElement('div');
      p.className = 'claim ' + v.state;
      const mark = Object.assign(document.createElement('span'), { className: 'mark', textContent: v.mark });
      mark.setAttribute('aria-label', v.state === 'holds' ? 'holds:' : v.state === 'fails' ? 'does not hold:' : 'undecided:');
      p.append(mark, (v.plain ? v.plain + ' ' : '') + v.sentence);
      if (v.words) p.append(Object.assign(document.createElement('div'), { className: 'why', textContent: v.words }));
      if (v.why) p.append(Object.assign(document.createElement('div'), { className: 'why', textContent: v.why }));
      div.append(p);
    }
    parts.push(div);
  }
  box.replaceChildren(...parts);
}

// onFrame takes a frame: the figures' tables, and dots for the customers
// who arrived, gave up or moved since the frame before.
function onFrame(f) {
  const dt = lastT === null ? 0 : f.t - lastT;
  lastT = f.t;
  frame = f;
  $('clock').textContent = f.sides[0] || f.sides[1] ? 'Day ' + f.day + ', ' + (f.sides[0] || f.sides[1]).clock : '–';
  for (let i = 0; i < 2; i++) {
    const fr = f.sides[i];
    const tbody = $('side-' + i).querySelector('tbody');
    const meta = state && state.sides[i].meta;
    if (!fr || !meta) { tbody.replaceChildren(); continue; }
    tbody.replaceChildren(...meta.channels.map((ch, c) => {
      const tr = document.createElement('tr');
      const x = fr.channels[c];
      for (const text of [ch.name, whole(x.waiting), share(x.day_service_level) + ' within ' + wait(ch.answer_within_seconds), wait(x.expected_wait)]) {
        tr.append(Object.assign(document.createElement('td'), { textContent: text }));
      }
      return tr;
    }));
    if (dt > 0 && dt <= 6 * 3600) spawn(i, fr, meta, dt / meta.interval_seconds);
  }
}

function whole(x) { return x === null ? '–' : String(Math.round(x)); }
function share(x) { return x === null ? '–' : Math.round(100 * x) + ' %'; }
function wait(sec) {
  if (sec === null || sec === undefined) return '–';
  if (sec < 120) return Math.round(sec) + ' s';
  if (sec < 7200) return Math.round(sec / 60) + ' min';
  const h = Math.floor(sec / 3600);
  const m = Math.round((sec - 3600 * h) / 60);
  return h + ' h' + (m ? ' ' + m + ' min' : '');
}

// spawn adds the dots of a share of an interval: its arrivals, abandons
// and switches times part, carrying fractions of a customer over.
function spawn(i, fr, meta, part) {
  const n = meta.channels.length;
  const into = [];
  let allIn = 0;
  fr.channels.forEach((x, c) => { into[c] = x.switched_in || 0; allIn += into[c]; });
  fr.channels.forEach((x, c) => {
    for (const [kind, count] of [['arrive', x.offered], ['abandon', x.abandoned], ['switch', x.switched_out]]) {
      const key = kind + c;
      const v = (carry[i][key] || 0) + (count || 0) * part;
      const k = Math.floor(v);
      carry[i][key] = v - k;
      for (let j = 0; j < Math.min(k, 12); j++) {
        let to = c;
        if (kind === 'switch' && allIn > 0) {
          let r = ((j + 1) / (k + 1)) * allIn;
          for (to = 0; to < n - 1 && r > into[to]; to++) r -= into[to];
        }
        particles[i].push({ kind, from: c, to, born: performance.now() + j * 60, life: 900 });
      }
    }
  });
  if (particles[i].length > 400) particles[i].splice(0, particles[i].length - 400);
}

const colours = { arrive: '#1f5fbf', abandon: '#b3261e', switch: '#d97706', wait: '#7b8494', seat: '#1f5fbf', empty: '#c9d1de' };

function draw(now) {
  for (let i = 0; i < 2; i++) {
    const canvas = $('side-' + i).querySelector('canvas');
    const g = canvas.getContext('2d');
    const W = canvas.width, H = canvas.height;
    g.clearRect(0, 0, W, H);
    const meta = state && state.sides[i].meta;
    const fr = frame && frame.sides[i];
    if (!meta || !fr) {
      g.fillStyle = '#5b6475';
      g.font = '16px system-ui, sans-serif';
      g.fillText(state && state.sides[i].status === 'failed' ? 'This side could not run.' : 'Running…', 20, 40);
      continue;
    }
    const nc = meta.channels.length, np = meta.pools.length;
    const poolH = Math.min(34, 130 / Math.max(1, np));
    const top = 8, chanH = (H - top - np * poolH - 12) / Math.max(1, nc);
    const qx = 110, dot = 7;
    const rowY = (c) => top + c * chanH + chanH / 2;
    g.font = '13px system-ui, sans-serif';
    meta.channels.forEach((ch, c) => {
      const y = rowY(c);
      g.fillStyle = '#1d2433';
      g.fillText(ch.name, 8, y + 4);
      const waiting = Math.max(0, Math.round(fr.channels[c].waiting || 0));
      const perRow = Math.floor((W - qx - 60) / dot);
      const rows = Math.max(1, Math.floor((chanH - 6) / dot));
      const shown = Math.min(waiting, perRow * rows);
      g.fillStyle = colours.wait;
      for (let j = 0; j < shown; j++) {
        const r = Math.floor(j / perRow), col = j % perRow;
        g.beginPath();
        g.arc(qx + col * dot + dot / 2, y - (rows - 1) * dot / 2 + r * dot, dot / 2 - 1, 0, 2 * Math.PI);
        g.fill();
      }
      if (waiting > shown) {
        g.fillStyle = '#1d2433';
        g.fillText('+' + (waiting - shown), W - 56, y + 4);
      }
    });
    const py = top + nc * chanH + 8;
    meta.pools.forEach((p, j) => {
      const y = py + j * poolH;
      g.fillStyle = '#1d2433';
      g.fillText(p.name, 8, y + poolH / 2 + 4);
      const x = fr.pools[j] || {};
      const seats = Math.max(0, Math.round(x.available || 0));
      const busy = Math.min(seats, Math.max(0, Math.round(x.busy || 0)));
      const size = Math.min(12, poolH - 6);
      const perRow = Math.floor((W - qx - 10) / (size + 2));
      for (let s = 0; s < Math.min(seats, perRow); s++) {
        g.fillStyle = s < busy ? colours.seat : colours.empty;
        g.fillRect(qx + s * (size + 2), y + (poolH - size) / 2, size, size);
      }
    });
    const list = particles[i];
    for (let k = list.length - 1; k >= 0; k--) {
      const pt = list[k];
      const a = (now - pt.born) / pt.life;
      if (a > 1) { list.splice(k, 1); continue; }
      if (a < 0) continue;
      let x, y;
      if (pt.kind === 'arrive') { x = 60 + a * (qx - 60); y = rowY(pt.from); }
      else if (pt.kind === 'abandon') { x = qx + a * 40; y = rowY(pt.from) + a * chanH / 2; }
      else { x = qx - 30 - Math.sin(a * Math.PI) * 40; y = rowY(pt.from) + a * (rowY(pt.to) - rowY(pt.from)); }
      g.fillStyle = colours[pt.kind];
      g.beginPath();
      g.arc(x, y, 3.5, 0, 2 * Math.PI);
      g.fill();
    }
  }
  requestAnimationFrame(draw);
}

async function init() {
  try {
    stories = (await api('GET', '/api/stories')).stories;
  } catch (e) {
    showError('The stories could not be read: ' + e.message);
    return;
  }
  $('story').replaceChildren(...stories.map((s) => new Option(s.title + ' (' + s.name + ')', s.name)));
  $('story').addEventListener('change', () => {
    const st = stories.find((s) => s.name === $('story').value);
    buildControls(st);
    current = settingsOf('', st);
    current.story = st.name;
    showSettings(current);
    send();
  });
  $('preset').addEventListener('change', () => { current.preset = Number($('preset').value); send(); });
  $('volume').addEventListener('input', () => { $('volume-out').textContent = $('volume').value + ' %'; });
  $('volume').addEventListener('change', () => { current.volume = Number($('volume').value); send(); });
  $('wom').addEventListener('change', () => { current.wom = $('wom').checked === story.word_of_mouth ? null : $('wom').checked; $('coupling').disabled = !$('wom').checked; send(); });
  $('coupling').addEventListener('input', () => { $('coupling-out').textContent = Number($('coupling').value).toFixed(2); });
  $('coupling').addEventListener('change', () => { current.coupling = Number($('coupling').value); send(); });
  $('reset').addEventListener('click', () => { const s = settingsOf('', story); s.seed = current.seed; showSettings(s); send(); });
  $('play').addEventListener('click', () => control('play=' + (state && state.playing ? 'off' : 'on')));
  $('speed').addEventListener('change', () => control('speed=' + $('speed').value));
  $('jump').addEventListener('click', () => control('day=' + encodeURIComponent($('day').value)));
  $('day').addEventListener('keydown', (e) => { if (e.key === 'Enter') control('day=' + encodeURIComponent($('day').value)); });
  $('export').addEventListener('click', async () => {
    $('export-result').textContent = 'Writing…';
    try {
      const body = await api('POST', '/api/sessions/' + sessionId + '/export');
      $('export-result').textContent = 'Wrote ' + body.folder + ': report.html compares A and B; b/report.html is B with the claims judged.';
    } catch (e) {
      $('export-result').textContent = '';
      showError('The export failed: ' + e.message);
    }
  });
  $('link').addEventListener('focus', () => $('link').select());
  let query = location.search.slice(1) || location.hash.slice(1);
  if (!query) query = 'story=' + encodeURIComponent(stories.some((s) => s.name === 'one-fast-channel') ? 'one-fast-channel' : stories[0].name);
  try {
    await start(query);
  } catch (e) {
    showError('This link\'s settings could not be used: ' + e.message + '. Showing ' + stories[0].title + ' instead.');
    try { await start('story=' + encodeURIComponent(stories[0].name)); } catch (e2) { showError(e2.message); }
  }
  requestAnimationFrame(draw);
}

init();
