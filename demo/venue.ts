/**
 * The venue demo's chooser: one link per screen (participant, facilitator, projector). A table's
 * QR code printed before the split points here with `?code=…&table=…`: such a visit goes straight
 * on to the participant page. With only `?code=…` (the address `npm start` prints), the links to
 * the participant and projector pages carry the join code (never a token: the facilitator page
 * asks for its own).
 */
import { findLiveForum, PAGES, params, participantHref, validCode, validTable } from './lib/venue.js';

const code = validCode(params.get('code'));
const table = validTable(params.get('table'));

if (code && table) {
  location.replace(participantHref(code, table));
} else {
  if (code) {
    (document.getElementById('to-participant') as HTMLAnchorElement).href = participantHref(code);
    (document.getElementById('to-projector') as HTMLAnchorElement).href = `${PAGES.projector}?code=${encodeURIComponent(code)}`;
  }
  void findLiveForum(document.getElementById('forum-line'));
}
