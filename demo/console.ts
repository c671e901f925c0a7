/**
 * The operator console's page script: the two tools as tabs (the WAI-ARIA tabs pattern: arrow
 * keys, Home and End move between tabs, the chosen one is kept in the address's `#forum` /
 * `#results`), `?forum=<id>` opens a forum in both tools, and the results tab shows the public
 * `<hd-result-summary>` of the forum the results editor has open, which follows every publication
 * and answer live. The tools and the summary come from the CDN script; this only wires the page.
 * Plain DOM, no inline script or handler: it runs under the server's strict CSP.
 */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const tablist = document.querySelector<HTMLElement>('[role=tablist]');
const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role=tab]')];
const panels = tabs.map((tab) => document.getElementById(tab.getAttribute('aria-controls')!)!);
const names = ['forum', 'results'];

function select(index: number, focus = false): void {
  tabs.forEach((tab, i) => {
    const on = i === index;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    panels[i]!.hidden = !on;
  });
  if (focus) tabs[index]!.focus();
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${names[index]}`);
}

if (tablist && tabs.length === panels.length) {
  for (const [i, panel] of panels.entries()) {
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tabs[i]!.id);
    panel.tabIndex = 0;
  }
  tablist.hidden = false;
  document.body.classList.add('has-tabs');
  tabs.forEach((tab, i) => tab.addEventListener('click', () => select(i)));
  tablist.addEventListener('keydown', (event) => {
    const now = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (now < 0) return;
    const to = { ArrowRight: now + 1, ArrowLeft: now - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select((to + tabs.length) % tabs.length, true);
  });
  select(Math.max(0, names.indexOf(location.hash.slice(1))));
}

const summary = document.getElementById('public-summary');
const publicView = document.getElementById('public-view');
function showSummary(forumId: string): void {
  summary?.setAttribute('forum-id', forumId);
  if (publicView) publicView.hidden = false;
}
document.getElementById('results-editor')?.addEventListener('hd-editor-forum-select', (event) => showSummary((event as CustomEvent<{ forumId: string }> & Event).detail.forumId));

const wanted = new URLSearchParams(location.search).get('forum') ?? '';
if (ID.test(wanted)) {
  document.getElementById('forum-editor')?.setAttribute('forum-id', wanted);
  document.getElementById('results-editor')?.setAttribute('forum-id', wanted);
  showSummary(wanted);
}

export {};
