/**
 * The room's big screen: the projector wall alone, no page around it. The join code comes from
 * the address (`?code=HYEON24`, as `npm start` prints it; a join code is printed on every table,
 * it is not a secret): the wall shows it with a QR code that opens the participant page.
 */
import type { HdIdeaWall } from '../src/elements/idea-wall/idea-wall.js';
import { findLiveForum, PAGES, params, validCode } from './lib/venue.js';

const wall = document.getElementById('projector') as HdIdeaWall;
const code = validCode(params.get('code'));
if (code) wall.setAttribute('join-code', code);
// `{code}` and `{table}` are the wall's placeholders (it fills them in for the QR code)
wall.setAttribute('join-href', `${location.origin}${PAGES.participant}?code={code}&table={table}`);

const title = document.getElementById('forum-line');
void findLiveForum(null).then((forum) => {
  if (!forum) return;
  if (title) title.textContent = `${forum.title} · 프로젝터 화면`;
  wall.forumId = forum.id;
});
