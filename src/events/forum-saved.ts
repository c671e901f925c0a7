/**
 * `hd-forum-saved`: `<hd-forum-editor>` created a forum or saved changes to it (its details, its
 * signup questions or its status). `detail.forum` is the forum as the server now has it;
 * `created` is true for a new forum.
 */
import type { Forum } from '../api/types.js';

export interface HdForumSavedDetail {
  forum: Forum;
  created: boolean;
}

export class HdForumSavedEvent extends Event {
  readonly detail: HdForumSavedDetail;
  constructor(detail: HdForumSavedDetail) {
    super('hd-forum-saved', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-forum-saved': HdForumSavedEvent;
  }
}
