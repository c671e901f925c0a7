/**
 * The participant's phone: the live forum's wall, nothing else. A table's QR code opens this page
 * with `?code=HYEON24&table=3` and the person joins at once; without them the wall asks for the
 * join code and table. The wall keeps the person's session on the phone: reopening the page (or
 * scanning again) is the same person with the same dots.
 */
import type { HdIdeaWall } from '../src/elements/idea-wall/idea-wall.js';
import { findLiveForum, params, validCode, validTable } from './lib/venue.js';

const wall = document.getElementById('participant') as HdIdeaWall;
const code = validCode(params.get('code'));
const table = validTable(params.get('table'));
if (code) wall.setAttribute('join-code', code);
if (table) wall.setAttribute('table', table);

void findLiveForum(document.getElementById('forum-line')).then((forum) => {
  if (forum) wall.forumId = forum.id;
});
