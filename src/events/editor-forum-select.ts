/**
 * `hd-editor-forum-select`: the operator opened a forum in `<hd-forum-editor>` or
 * `<hd-results-editor>` (chose it, or created it). A console page can follow: show that forum's
 * public widgets beside the tool, or keep it in the address.
 */
export interface HdEditorForumSelectDetail {
  forumId: string;
}

export class HdEditorForumSelectEvent extends Event {
  readonly detail: HdEditorForumSelectDetail;
  constructor(detail: HdEditorForumSelectDetail) {
    super('hd-editor-forum-select', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-editor-forum-select': HdEditorForumSelectEvent;
  }
}
