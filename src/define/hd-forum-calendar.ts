import { HdForumCalendar } from '../elements/forum-calendar/forum-calendar.js';

export { HdForumCalendar };

if (!customElements.get('hd-forum-calendar')) customElements.define('hd-forum-calendar', HdForumCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'hd-forum-calendar': HdForumCalendar;
  }
}
