import { HdIdeaWall } from '../elements/idea-wall/idea-wall.js';

export { HdIdeaWall };

if (!customElements.get('hd-idea-wall')) customElements.define('hd-idea-wall', HdIdeaWall);

declare global {
  interface HTMLElementTagNameMap {
    'hd-idea-wall': HdIdeaWall;
  }
}
