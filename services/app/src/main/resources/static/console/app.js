// Aftercare Bridge web console. Plain browser JavaScript, no build step, nothing from a CDN.
// It signs its user in with the authorization code flow and PKCE (a public client: nothing secret
// here), keeps the access token in this tab's sessionStorage, and works the same FHIR API and
// engagement API every other client uses. Data is put into the page as text, never as HTML.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const BSER = 'http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS';
  const DECLINE = 'https://aftercarebridge.org/fhir/CodeSystem/referral-decline-reasons';
  const EXPLANATION = 'https://aftercarebridge.org/fhir/StructureDefinition/match-explanation';
  const OPEN = 'requested,accepted,in-progress,on-hold';
  const PRIORITY = { stat: 4, asap: 3, urgent: 2, routine: 1 };
  const PALETTE = ['#0b4f8a', '#8a1c00', '#1f5f2a', '#6b2c91', '#7a5200', '#00616b', '#3d3d3d'];
  let config;
  let token;
  let claims;

  // ---- signing in (authorization code + PKCE) ----

  const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));
  const redirectUri = () => location.origin + '/';

  async function signIn() {
    const verifier = random(32);
    const state = random(16);
    const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem('pkce', JSON.stringify({ verifier, state }));
    location.assign(config.authorizeEndpoint + '?' + new URLSearchParams({
      response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: config.scopes.join(' '),
      state, code_challenge: challenge, code_challenge_method: 'S256'
    }));
  }

  async function finishSignIn(params) {
    const pkce = JSON.parse(sessionStorage.getItem('pkce') || '{}');
    sessionStorage.removeItem('pkce');
    history.replaceState({}, '', '/');
    if (!pkce.state || pkce.state !== params.get('state')) {
      throw new Error('The sign-in answer did not match the request; please sign in again.');
    }
    const response = await fetch(config.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
        client_id: config.clientId, code_verifier: pkce.verifier
      })
    });
    if (!response.ok) {
      throw new Error('Signing in failed (' + response.status + '); please try again.');
    }
    sessionStorage.setItem('token', (await response.json()).access_token);
  }

  function signOut() {
    sessionStorage.removeItem('token');
    location.assign(config.authorizeEndpoint.startsWith('/') ? '/logout' : '/');
  }

  // ---- the API ----

  async function api(path, options = {}) {
    const response = await fetch(path, {
      ...options,
      headers: { Accept: path.startsWith('/fhir') ? 'application/fhir+json' : 'application/json', Authorization: 'Bearer ' + token, ...(options.headers || {}) }
    });
    if (response.status === 401) {
      sessionStorage.removeItem('token');
      showSignedOut('Your session has ended; please sign in again.');
      throw new Error('signed out');
    }
    const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
    if (!response.ok) {
      const why = body?.issue?.map((issue) => issue.diagnostics).join('; ') || body?.detail || response.statusText;
      throw new Error(why);
    }
    return body;
  }

  const say = (message, isError = false) => {
    $('status').textContent = message;
    $('status').className = isError ? 'error' : '';
  };

  // ---- views ----

  function show(view) {
    for (const id of ['signed-out', 'queue', 'task', 'dashboard']) {
      $(id).hidden = id !== view;
    }
    const current = (button, on) => (on ? button.setAttribute('aria-current', 'page') : button.removeAttribute('aria-current'));
    current($('show-queue'), view === 'queue' || view === 'task');
    current($('show-dashboard'), view === 'dashboard');
  }

  function showSignedOut(message) {
    $('views').hidden = true;
    $('sign-out').hidden = true;
    $('who').textContent = '';
    show('signed-out');
    if (message) say(message, true);
  }

  const roles = () => claims[config.rolesClaim] || [];
  const works = () => roles().includes('coordinator') || roles().includes('admin');
  const follows = () => roles().includes('staff') || roles().includes('admin');

  // ---- coordinators: the work queue ----

  const text = (tag, value, className) => {
    const element = document.createElement(tag);
    element.textContent = value ?? '—';
    if (className) element.className = className;
    return element;
  };
  const date = (value) => (value ? new Date(value).toLocaleString() : '—');
  const overdue = (task) => (task.meta?.tag || []).some((tag) => tag.code === 'overdue');
  const due = (task) => task.restriction?.period?.end;
  const code = (task) => task.code?.coding?.[0]?.code;
  const isReferral = (task) => code(task) === 'fulfill' || code(task) === 'choose-group';
  const what = (task) => (code(task) === 'fulfill' ? 'Referral' : task.code?.coding?.[0]?.display || code(task) || 'Task');
  const businessStatus = (task) => task.businessStatus?.coding?.[0]?.display || task.businessStatus?.text || '';

  function byUrgency(a, b) {
    return (overdue(b) - overdue(a))
      || ((PRIORITY[b.priority] || 0) - (PRIORITY[a.priority] || 0))
      || String(due(a) || a.authoredOn).localeCompare(String(due(b) || b.authoredOn));
  }

  async function loadQueue() {
    show('queue');
    say('Loading the work queue…');
    const bundle = await api('/fhir/Task?status=' + OPEN + '&_count=100');
    const tasks = (bundle.entry || []).map((entry) => entry.resource).sort(byUrgency);
    const rows = $('queue-table').tBodies[0];
    rows.replaceChildren();
    for (const task of tasks) {
      const row = document.createElement('tr');
      if (overdue(task)) row.className = 'overdue';
      row.append(text('td', (task.priority || 'routine') + (overdue(task) ? ' (overdue)' : '')), text('td', what(task)),
        text('td', task.owner?.display || 'to choose'), text('td', task.status + (businessStatus(task) ? ' — ' + businessStatus(task) : '')),
        text('td', date(task.authoredOn)), text('td', date(due(task))));
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'secondary';
      open.textContent = 'Open';
      open.setAttribute('aria-label', 'Open ' + what(task) + ' from ' + date(task.authoredOn));
      open.addEventListener('click', () => openTask(task.id).catch(failed));
      const cell = document.createElement('td');
      cell.append(open);
      row.append(cell);
      rows.append(row);
    }
    $('queue-empty').hidden = tasks.length > 0;
    say(tasks.length + ' open' + (bundle.total > tasks.length ? ' (showing the first ' + tasks.length + ' of ' + bundle.total + ')' : ''));
  }

  async function openTask(id) {
    const task = await api('/fhir/Task/' + encodeURIComponent(id));
    show('task');
    $('task-title').textContent = what(task) + ' — ' + task.status;
    const facts = $('task-facts');
    facts.replaceChildren();
    for (const [term, value] of [['Status', task.status], ['What happened', businessStatus(task)], ['Priority', task.priority],
      ['Group', task.owner?.display || 'to choose'], ['Since', date(task.authoredOn)], ['Due', date(due(task))],
      ['Flags', overdue(task) ? 'overdue' : ''], ['Reason', task.statusReason?.text]]) {
      facts.append(text('dt', term), text('dd', value || '—'));
    }
    const notes = (task.note || []).map((note) => note.text || '');
    const preferences = notes.find((note) => note.startsWith('Preferences: '));
    $('task-preferences').textContent = preferences ? preferences.slice('Preferences: '.length) : 'Nothing stated.';
    $('task-summary').textContent = notes.filter((note) => note !== preferences).join(' ');
    const matches = $('task-matches');
    matches.replaceChildren();
    for (const explanation of (task.extension || []).filter((e) => e.url === EXPLANATION)) {
      const parts = explanation.extension || [];
      const item = document.createElement('li');
      const group = parts.find((p) => p.url === 'group')?.valueReference?.display || 'a group';
      const score = parts.find((p) => p.url === 'score')?.valueDecimal;
      item.append(text('strong', group + (score !== undefined ? ' (score ' + Number(score).toFixed(2) + ')' : '')));
      const criteria = document.createElement('ul');
      for (const part of parts.filter((p) => p.url === 'met' || p.url === 'missed')) {
        criteria.append(text('li', part.valueString, part.url));
      }
      item.append(criteria);
      matches.append(item);
    }
    actions(task);
    $('task-title').focus();
    say('');
  }

  function actions(task) {
    const bar = $('task-actions');
    bar.replaceChildren();
    $('reject-form').hidden = true;
    const button = (label, ops, done, className) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      if (className) b.className = className;
      b.addEventListener('click', () => change(task, ops, done).catch(failed));
      bar.append(b);
    };
    const business = (code, display) => ({ op: 'add', path: '/businessStatus', value: { coding: [{ system: BSER, code, display }] } });
    if (task.status === 'requested') {
      button('Accept', [{ op: 'replace', path: '/status', value: 'accepted' }], 'Accepted.');
      if (isReferral(task)) {
        const reject = document.createElement('button');
        reject.type = 'button';
        reject.className = 'danger';
        reject.textContent = 'Reject…';
        reject.addEventListener('click', () => { $('reject-form').hidden = false; $('reject-reason').focus(); });
        bar.append(reject);
        $('reject-form').onsubmit = (event) => {
          event.preventDefault();
          change(task, [{ op: 'replace', path: '/status', value: 'rejected' }, {
            op: 'add', path: '/statusReason',
            value: { coding: [{ system: DECLINE, code: $('reject-reason').value }], text: $('reject-text').value }
          }], 'Rejected; the next group offered takes it over.').catch(failed);
        };
      }
    } else if (['accepted', 'in-progress', 'on-hold'].includes(task.status)) {
      if (isReferral(task)) {
        button('Record contact: first meeting scheduled', [business('5.1.1', 'Event Scheduled')], 'Contact recorded.');
        button('Record attendance', [{ op: 'replace', path: '/status', value: 'in-progress' }, business('5.1.4', 'Event Completed')],
          'Attendance recorded.');
        button('Record a missed meeting', [business('5.1.2', 'Unattended')], 'Missed meeting recorded.', 'secondary');
      }
      button('Complete', [{ op: 'replace', path: '/status', value: 'completed' }, business('7.0', 'Fulfillment Completed')], 'Completed.');
    } else {
      bar.append(text('p', 'Nothing more to do: the task is ' + task.status + '.'));
    }
  }

  async function change(task, ops, done) {
    await api('/fhir/Task/' + encodeURIComponent(task.id), {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json-patch+json', 'If-Match': 'W/"' + task.meta.versionId + '"' },
      body: JSON.stringify(ops)
    });
    await openTask(task.id);
    say(done);
  }

  // ---- staff: engagement ----

  const SVG = 'http://www.w3.org/2000/svg';
  const svg = (tag, attributes = {}, content) => {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (content !== undefined) element.textContent = content;
    return element;
  };
  const isoDate = (d) => d.toISOString().slice(0, 10);

  function table(caption, head, rows) {
    const t = document.createElement('table');
    t.append(text('caption', caption, 'visually-hidden'));
    const headRow = document.createElement('tr');
    head.forEach((h) => { const th = text('th', h); th.scope = 'col'; headRow.append(th); });
    t.createTHead().append(headRow);
    const body = t.createTBody();
    rows.forEach((r) => {
      const tr = document.createElement('tr');
      r.forEach((value, i) => { const cell = text(i === 0 ? 'th' : 'td', value); if (i === 0) cell.scope = 'row'; tr.append(cell); });
      body.append(tr);
    });
    return t;
  }

  /** Horizontal bars, a label and a value each, with the same numbers as a table below. */
  function bars(container, titleId, items) {
    const max = Math.max(1, ...items.map((item) => item.value));
    const chart = svg('svg', { viewBox: '0 0 400 ' + (items.length * 28 + 4), role: 'img', 'aria-labelledby': titleId });
    items.forEach((item, i) => {
      const y = i * 28 + 2;
      chart.append(svg('text', { x: 0, y: y + 16 }, item.label));
      chart.append(svg('rect', { class: 'bar', x: 170, y, height: 20, width: Math.max(1, 190 * item.value / max) }));
      chart.append(svg('text', { x: 175 + 190 * item.value / max, y: y + 16 }, String(item.value)));
    });
    container.replaceChildren(chart, table(container.previousElementSibling.textContent, ['', 'Referrals'],
      items.map((item) => [item.label, String(item.value)])));
  }

  function weekly(container, summary) {
    const programs = [...new Set(summary.weekly.map((w) => w.program))];
    const weeks = [...new Set(summary.weekly.map((w) => w.weekStarting))].sort();
    const chart = svg('svg', { viewBox: '0 0 600 260', role: 'img', 'aria-labelledby': 'weekly-title' });
    chart.append(svg('line', { x1: 40, y1: 220, x2: 590, y2: 220, stroke: '#1b1b1b' }));
    chart.append(svg('text', { x: 0, y: 24 }, '100%'), svg('text', { x: 8, y: 224 }, '0%'));
    const x = (week) => 50 + (weeks.length < 2 ? 270 : 530 * weeks.indexOf(week) / (weeks.length - 1));
    programs.forEach((program, p) => {
      const colour = PALETTE[p % PALETTE.length];
      const points = summary.weekly.filter((w) => w.program === program)
        .map((w) => [x(w.weekStarting), 220 - 200 * (w.figures.referralsMade ? w.figures.firstMeetingAttended / w.figures.referralsMade : 0)]);
      chart.append(svg('polyline', { points: points.map((pt) => pt.join(',')).join(' '), fill: 'none', stroke: colour, 'stroke-width': 2 }));
      points.forEach(([px, py]) => chart.append(svg('circle', { cx: px, cy: py, r: 3, fill: colour })));
      const legend = svg('text', { x: 50 + (p % 4) * 135, y: 245 + Math.floor(p / 4) * 14 }, '● ' + program);
      legend.style.fill = colour; // the stylesheet colours chart text; a legend entry takes its line's colour
      chart.append(legend);
    });
    const rows = weeks.map((week) => [week, ...programs.map((program) => {
      const w = summary.weekly.find((item) => item.weekStarting === week && item.program === program);
      return w ? w.figures.firstMeetingAttended + ' of ' + w.figures.referralsMade : '—';
    })]);
    container.replaceChildren(chart, table('First meeting attended of referrals made, by week and program', ['Week of', ...programs], rows));
  }

  async function loadDashboard() {
    show('dashboard');
    if (!$('from').value) {
      const today = new Date();
      $('to').value = isoDate(new Date(today.getTime() + 86400000));
      $('from').value = isoDate(new Date(today.getTime() - 90 * 86400000));
    }
    say('Loading engagement…');
    const summary = await api('/api/engagement/summary?from=' + $('from').value + '&to=' + $('to').value);
    const o = summary.overall;
    const at = (days) => o.engagement.find((e) => e.days === days);
    bars($('funnel'), 'funnel-title', [
      { label: 'Referrals made', value: o.referralsMade }, { label: 'Consented', value: o.consented },
      { label: 'Accepted', value: o.accepted }, { label: 'Contact within 48 h', value: o.firstContactWithin48h },
      { label: 'First meeting attended', value: o.firstMeetingAttended },
      { label: 'Engaged at 30 days', value: at(30).engaged }, { label: 'Dropped out', value: o.droppedOut }]);
    bars($('days'), 'days-title', o.daysToFirstMeeting.distribution.map((b) => ({ label: b.label, value: b.count })));
    const median = o.daysToFirstMeeting.median;
    $('days').append(text('p', median === null ? 'Nobody has attended yet.'
      : 'Median ' + median + ' days; 90th percentile ' + o.daysToFirstMeeting.p90 + ' days.'));
    weekly($('weekly'), summary);
    say(o.referralsMade + ' referrals made from ' + $('from').value + ' until ' + $('to').value + '.');
  }

  function failed(error) {
    if (error.message !== 'signed out') say(error.message, true);
  }

  // ---- start ----

  async function start() {
    config = await (await fetch('/console/config.json')).json();
    if (location.hostname === 'localhost' && config.authorizeEndpoint.startsWith('/')) {
      // the built-in issuer takes loopback redirects by IP only (OAuth 2.1): same page, at 127.0.0.1
      location.replace(location.href.replace('//localhost', '//127.0.0.1'));
      return;
    }
    $('sign-in').addEventListener('click', () => signIn().catch(failed));
    $('sign-out').addEventListener('click', signOut);
    $('show-queue').addEventListener('click', () => loadQueue().catch(failed));
    $('show-dashboard').addEventListener('click', () => loadDashboard().catch(failed));
    $('back').addEventListener('click', () => loadQueue().catch(failed));
    $('period').addEventListener('submit', (event) => { event.preventDefault(); loadDashboard().catch(failed); });
    const params = new URLSearchParams(location.search);
    if (params.has('code')) await finishSignIn(params);
    token = sessionStorage.getItem('token');
    if (!token) return showSignedOut();
    claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    if (claims.exp * 1000 < Date.now()) {
      sessionStorage.removeItem('token');
      return showSignedOut('Your session has ended; please sign in again.');
    }
    $('views').hidden = false;
    $('sign-out').hidden = false;
    $('who').textContent = claims.sub + ' — ' + roles().join(', ') + (claims.regions?.length ? ' (' + claims.regions.join(', ') + ')' : '');
    $('show-queue').hidden = !works();
    $('show-dashboard').hidden = !follows();
    window.addEventListener('hashchange', () => route().catch(failed));
    return route();
  }

  /** #task/<id> opens that Task (a link a coordinator can share or bookmark); otherwise the user's first view. */
  function route() {
    const linked = /^#task\/([A-Za-z0-9.-]{1,64})$/.exec(location.hash);
    if (linked && works()) return openTask(linked[1]);
    return works() ? loadQueue() : loadDashboard();
  }

  start().catch(failed);
})();
