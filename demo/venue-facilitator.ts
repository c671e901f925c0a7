/**
 * The facilitator's tablet: the facilitator wall of the live forum. The only venue page that asks
 * for a token: the organiser pastes the facilitator token the server printed at start; it is kept
 * in this tab's sessionStorage and handed to the wall's provider as a property — never put in a
 * URL. Once a token is in use the form folds away (it opens again to change or forget it).
 */
import type { HdIdeaWall } from '../src/elements/idea-wall/idea-wall.js';
import type { HdProvider } from '../src/elements/provider/provider.js';
import { findLiveForum } from './lib/venue.js';

const TOKEN_KEY = 'hd-venue-demo:facilitator-token';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const wall = $<HdIdeaWall>('facilitator');
const provider = $<HdProvider>('facilitator-provider');
const box = $<HTMLDetailsElement>('setup-box');
const input = $<HTMLInputElement>('token');
const state = $<HTMLParagraphElement>('token-state');

function stored(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}
function keep(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // No storage: it lasts until the page closes.
  }
}

function apply(token: string, announce: boolean): void {
  keep(token);
  provider.token = token || undefined;
  box.open = !token;
  state.textContent = token ? (announce ? '토큰을 적용했습니다.' : '토큰을 사용하고 있습니다.') : announce ? '토큰을 지웠습니다.' : '';
}

input.value = stored();
apply(input.value.trim(), false);

$<HTMLFormElement>('setup').addEventListener('submit', (ev) => {
  ev.preventDefault();
  apply(input.value.trim(), true);
});
$<HTMLButtonElement>('forget').addEventListener('click', () => {
  input.value = '';
  apply('', true);
  input.focus();
});

void findLiveForum(document.getElementById('forum-line')).then((forum) => {
  if (forum) wall.forumId = forum.id;
});
