/**
 * Demo page script: the signup page reads the forum from `?forum=<id>` (the calendar's signup
 * links) and hands it to the element. An editor embedding the form on a real page writes
 * `forum-id="…"` instead. A `#cancel=<token>` fragment is read by the element itself.
 * No imports: the element comes from the CDN script, as on any host page.
 */
const form = document.getElementById('signup');
const forum = new URLSearchParams(location.search).get('forum') ?? '';

if (form && /^[A-Za-z0-9_-]{1,64}$/.test(forum)) {
  form.setAttribute('forum-id', forum);
} else if (!/^#cancel=/.test(location.hash)) {
  document.getElementById('signup-pick')?.removeAttribute('hidden');
  form?.setAttribute('hidden', '');
}
