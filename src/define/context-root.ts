// Side effect: one ContextRoot on the document (see context/context-root.ts). The CDN entry
// imports this before any element definition.
import { attachContextRoot } from '../context/context-root.js';

attachContextRoot();
