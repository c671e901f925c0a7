/**
 * The reference tables (ArgTypes block, Controls panel) of an element, from `custom-elements.json`.
 *
 * Our own version of the web-components renderer's extractor, because that one keys every row by
 * its bare name across all categories: a CSS part called `status` replaced the calendar's `status`
 * attribute, a property and its attribute of the same name collapsed, the unnamed default slot was
 * dropped, and private members showed as properties. Here:
 * - attributes are keyed by name (they are the stories' args, so controls work), each noting its
 *   property;
 * - properties without an attribute (e.g. `token`, set from JavaScript) are listed, private ones not;
 * - events, slots and CSS parts get keys of their own (`event:…`, `slot:…`, `part:…`), CSS custom
 *   properties keep theirs (`--hd-…`).
 */
import type { ArgTypes, InputType } from 'storybook/internal/types';
import manifest from '../custom-elements.json';

interface Item {
  name: string;
  description?: string;
  summary?: string;
  type?: { text?: string };
  default?: string;
  fieldName?: string;
  attribute?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
  slots?: Item[];
  cssProperties?: Item[];
  cssParts?: Item[];
}

export function declarationOf(tag: string): Declaration | undefined {
  for (const mod of (manifest as { modules: { declarations?: Declaration[] }[] }).modules) {
    for (const decl of mod.declarations ?? []) if (decl.tagName === tag) return decl;
  }
  return undefined;
}

const row = (item: Item, category: string, name = item.name, extra = ''): InputType => ({
  name,
  description: [item.description ?? item.summary ?? '', extra].filter(Boolean).join(' '),
  table: {
    category,
    type: item.type?.text ? { summary: item.type.text } : undefined,
    defaultValue: item.default !== undefined ? { summary: item.default } : undefined,
  },
});

/** The argTypes of one of our elements (`component: 'hd-…'` on a story file's meta). */
export function extractArgTypes(component: unknown): ArgTypes | null {
  if (typeof component !== 'string') return null;
  const decl = declarationOf(component);
  if (!decl) return null;
  const out: ArgTypes = {};
  const members = (decl.members ?? []).filter((m) => m.kind === 'field' && !m.privacy && !m.static && !/^[#_]/.test(m.name));
  for (const attr of decl.attributes ?? []) {
    const field = attr.fieldName && attr.fieldName !== attr.name ? ` Property: \`${attr.fieldName}\`.` : '';
    out[attr.name] = row(attr, 'attributes', attr.name, field.trim());
  }
  for (const prop of members) {
    if (prop.attribute) continue;
    out[`prop:${prop.name}`] = { ...row(prop, 'properties'), control: false };
  }
  for (const event of decl.events ?? []) {
    out[`event:${event.name}`] = { ...row(event, 'events'), control: false };
  }
  for (const slot of decl.slots ?? []) {
    out[`slot:${slot.name || 'default'}`] = { ...row(slot, 'slots', slot.name || '(default)'), control: false };
  }
  for (const prop of decl.cssProperties ?? []) {
    out[prop.name] = { ...row(prop, 'css custom properties'), control: false };
  }
  for (const part of decl.cssParts ?? []) {
    out[`part:${part.name}`] = { ...row(part, 'css shadow parts'), control: false };
  }
  return out;
}
