/**
 * The publishing part of `<hd-results-editor>`: the forum's ideas (shared with the room first, then
 * by votes) each with "make a proposal", and the proposals being prepared — title, category,
 * responsible department and the ideas they came from (with their votes) — then attendance, the
 * summary and "publish". Templates only: the element holds the drafts and does the writes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Idea } from '../../api/types.js';
import type { FieldSet } from '../../operator/fields.js';
import { PROPOSAL_FIELDS, PUBLISH_FIELDS, type PublishDraft } from './drafts.js';
import type { ResultsEditorMessages } from './messages.js';

/** What an idea source needs to show (an `Idea`, or one a published proposal names). */
export type SourceIdea = Pick<Idea, 'id' | 'text' | 'table' | 'votes'> & { promoted?: boolean };

/** Ideas shown before "show all": the promoted ones, or else the ten with most votes. */
const MAIN = 10;

export interface ProposalsView {
  ideas: readonly Idea[];
  /** Every idea a proposal may name, by id. */
  known: ReadonlyMap<string, SourceIdea>;
  showAll: boolean;
  draft: PublishDraft;
  published: boolean;
  busy: boolean;
  categories: readonly string[];
  num: (n: number) => string;
  toggleAll(): void;
  make(idea: Idea): void;
  add(): void;
  remove(index: number): void;
  addIdea(index: number): void;
  dropIdea(index: number, ideaId: string): void;
}

const short = (text: string, max = 60) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

export function renderIdeas(t: ResultsEditorMessages, v: ProposalsView): TemplateResult {
  const promoted = v.ideas.filter((i) => i.promoted);
  const main = promoted.length ? promoted : v.ideas.slice(0, MAIN);
  const shown = v.showAll ? v.ideas : main;
  return html`<section class="group" aria-labelledby="ideas-title">
    <h3 id="ideas-title">${t.ideas.title}</h3>
    <p class="hint">${t.ideas.intro}</p>
    ${v.ideas.length
      ? html`<ol class="ideas">
          ${shown.map(
            (idea) => html`<li class="idea">
              <p>${idea.text}</p>
              <p class="muted">
                ${idea.promoted ? html`<span class="badge s-reported">${t.ideas.promoted}</span>` : nothing}
                ${t.ideas.meta(v.num(idea.table), v.num(idea.votes))}
              </p>
              <button type="button" class="secondary" aria-label=${t.ideas.makeLabel(short(idea.text))} @click=${() => v.make(idea)}>${t.ideas.make}</button>
            </li>`,
          )}
        </ol>
        ${v.ideas.length > main.length
          ? html`<div class="actions">
              <button type="button" class="link" aria-expanded=${v.showAll ? 'true' : 'false'} @click=${v.toggleAll}>
                ${v.showAll ? t.ideas.fewer : t.ideas.all(v.num(v.ideas.length))}
              </button>
            </div>`
          : nothing}`
      : html`<p>${t.ideas.none}</p>`}
  </section>`;
}

export function renderProposals(fields: FieldSet, t: ResultsEditorMessages, v: ProposalsView): TemplateResult {
  const d = v.draft;
  const cards = d.proposals.map((p, i) => {
    const key = (name: string) => `proposals.${i}.${name}`;
    const n = v.num(i + 1);
    const sources = p.ideaIds.map((id) => v.known.get(id)).filter((x): x is SourceIdea => !!x);
    const votes = sources.reduce((sum, x) => sum + x.votes, 0);
    const addable = v.ideas.filter((idea) => !p.ideaIds.includes(idea.id));
    return html`<li class="card proposal-draft" data-uid=${p.uid}>
      <h4>${t.proposals.number(n)}</h4>
      ${fields.input({ key: key('title'), label: t.proposals.name, spec: PROPOSAL_FIELDS.title, value: p.title, control: 'textarea', rows: 2 })}
      <div class="row">
        ${fields.input({ key: key('category'), label: t.proposals.category, spec: PROPOSAL_FIELDS.category, value: p.category, list: 'categories' })}
        ${fields.input({ key: key('department'), label: t.proposals.department, spec: PROPOSAL_FIELDS.department, value: p.department, hint: t.proposals.departmentHint })}
      </div>
      <div class="field" role="group" aria-labelledby="sources-${p.uid}">
        <p class="label" id="sources-${p.uid}">${t.proposals.sources} <span class="mark">(${t.optional})</span></p>
        ${sources.length
          ? html`<ul class="sources">
              ${sources.map(
                (s) => html`<li>
                  <span>${s.text} <span class="muted">(${t.ideas.meta(v.num(s.table), v.num(s.votes))})</span></span>
                  <button type="button" class="link" aria-label=${t.proposals.dropLabel(short(s.text))} @click=${() => v.dropIdea(i, s.id)}>${t.proposals.drop}</button>
                </li>`,
              )}
            </ul>
            <p class="muted">${t.proposals.votes(v.num(votes))}</p>`
          : html`<p class="muted">${t.proposals.sourcesNone}</p>`}
        ${addable.length
          ? html`<div class="picker">
              <div class="field">
                <label for="pick-${p.uid}">${t.proposals.pick}</label>
                <select id="pick-${p.uid}">
                  ${addable.map((idea) => html`<option value=${idea.id}>${short(idea.text)} (${t.answers.votes(v.num(idea.votes))})</option>`)}
                </select>
              </div>
              <button type="button" class="secondary" @click=${() => v.addIdea(i)}>${t.proposals.add}</button>
            </div>`
          : nothing}
      </div>
      <div class="actions">
        <button type="button" class="secondary warning" aria-label=${t.proposals.removeLabel(n)} @click=${() => v.remove(i)}>${t.proposals.remove}</button>
      </div>
    </li>`;
  });
  return html`<section class="group" aria-labelledby="proposals-title">
    <h3 id="proposals-title">${t.proposals.title}</h3>
    <p class="hint">${t.proposals.intro}</p>
    ${d.proposals.length ? html`<ol class="proposal-drafts">${cards}</ol>` : html`<p>${t.proposals.none}</p>`}
    <div class="actions"><button type="button" class="secondary new-proposal" ?disabled=${d.proposals.length >= 50} @click=${v.add}>${t.proposals.new}</button></div>
    <datalist id="categories">${v.categories.map((c) => html`<option value=${c}></option>`)}</datalist>
    ${fields.input({ key: 'attended', label: t.publish.attended, spec: PUBLISH_FIELDS.attended, value: d.attended, control: 'number', size: 's', hint: t.publish.attendedHint })}
    ${fields.input({ key: 'summary', label: t.publish.summary, spec: PUBLISH_FIELDS.summary, value: d.summary, control: 'textarea', hint: t.publish.summaryHint })}
    ${v.published ? html`<p class="hint">${t.publish.republishHint}</p>` : nothing}
    <div class="actions">
      <button type="submit" class="primary" part="submit" ?disabled=${v.busy}>${v.busy ? t.saving : v.published ? t.publish.again : t.publish.submit}</button>
    </div>
  </section>`;
}
