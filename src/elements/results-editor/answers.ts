/**
 * The answering part of `<hd-results-editor>`: each published proposal with its rank, votes,
 * department, the city's current answer and its dated timeline, and behind "record an answer" a
 * small form — the response (수용 / 일부 수용 / 검토 중 / 불수용 / 답변 대기, the contract's
 * `accepted`, `partial`, `reviewing`, `declined`, `awaiting`), the answer, the department, the
 * date and a note — that appends one entry to the timeline (`respondToProposal`). Templates only.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Proposal, ResponseStatus } from '../../api/types.js';
import { FieldSet } from '../../operator/fields.js';
import type { FormErrors } from '../../operator/form.js';
import { ANSWER_FIELDS, STATUSES, type AnswerDraft } from './drafts.js';
import type { ResultsEditorMessages } from './messages.js';

export interface AnswersView {
  proposals: readonly Proposal[];
  /** Open answer forms by proposal id. */
  open: ReadonlyMap<string, AnswerDraft>;
  /** What was last recorded, by proposal id (announced in its card). */
  notes: ReadonlyMap<string, string>;
  errorsOf(proposalId: string): FormErrors;
  busy: boolean;
  statusName(status: ResponseStatus): string;
  /** A calendar date as people read it. */
  day(date: string): string;
  num(n: number): string;
  toggle(proposalId: string): void;
  submit(proposalId: string, e: Event): void;
  input(proposalId: string, e: Event): void;
}

const badge = (v: AnswersView, status: ResponseStatus) => html`<span class="badge s-${status}">${v.statusName(status)}</span>`;

function answerForm(t: ResultsEditorMessages, v: AnswersView, p: Proposal, d: AnswerDraft): TemplateResult {
  const fields = new FieldSet(v.errorsOf(p.id), t, v.num);
  const key = (name: string) => `answer.${p.id}.${name}`;
  const body = html`
    ${fields.radios({ key: key('status'), label: t.answers.status, spec: ANSWER_FIELDS.status, value: d.status, options: STATUSES.map((s) => [s, v.statusName(s)] as const) })}
    ${fields.input({ key: key('answer'), label: t.answers.answerField, spec: ANSWER_FIELDS.answer, value: d.answer, control: 'textarea', hint: t.answers.answerHint })}
    <div class="row">
      ${fields.input({ key: key('department'), label: t.answers.department, spec: ANSWER_FIELDS.department, value: d.department })}
      ${fields.input({ key: key('date'), label: t.answers.date, spec: ANSWER_FIELDS.date, value: d.date, control: 'date', size: 'm', hint: t.answers.dateHint })}
    </div>
    ${fields.input({ key: key('note'), label: t.answers.note, spec: ANSWER_FIELDS.note, value: d.note, control: 'textarea', hint: t.answers.noteHint })}`;
  return html`<form class="answer-form" id="answer-${p.id}" novalidate @submit=${(e: Event) => v.submit(p.id, e)} @input=${(e: Event) => v.input(p.id, e)}>
    ${fields.summary()} ${body}
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${v.busy}>${v.busy ? t.saving : t.answers.submit}</button>
    </div>
  </form>`;
}

export function renderAnswers(t: ResultsEditorMessages, v: AnswersView): TemplateResult {
  const a = t.answers;
  return html`<section class="group" aria-labelledby="answers-title">
    <h3 id="answers-title">${a.title}</h3>
    <p class="hint">${a.intro}</p>
    <ol class="answers">
      ${v.proposals.map((p) => {
        const draft = v.open.get(p.id);
        return html`<li class="card answer-card" data-id=${p.id}>
          <div class="p-head">
            <span class="rank">${a.rank(v.num(p.rank))}</span>
            <h4 tabindex="-1">${p.title}</h4>
            ${badge(v, p.status)}
          </div>
          <dl class="facts">
            <div><dt>${a.votesLabel}</dt><dd>${a.votes(v.num(p.votes))}</dd></div>
            <div><dt>${a.department}</dt><dd>${p.department ?? a.unassigned}</dd></div>
          </dl>
          <div class="answer-now">
            <h5>${a.answer}</h5>
            <p>${p.answer ?? a.noAnswer}</p>
          </div>
          ${p.timeline.length
            ? html`<h5>${a.timeline}</h5>
                <ol class="timeline">
                  ${p.timeline.map((e) => html`<li><time datetime=${e.date}>${v.day(e.date)}</time> ${e.status ? badge(v, e.status) : nothing} <span>${e.text}</span></li>`)}
                </ol>`
            : nothing}
          <p class="note" role="status">${v.notes.get(p.id) ?? ''}</p>
          <div class="actions">
            <button type="button" class="secondary" aria-expanded=${draft ? 'true' : 'false'} aria-controls=${draft ? `answer-${p.id}` : nothing}
              aria-label=${draft ? a.close : a.openLabel(p.title)} @click=${() => v.toggle(p.id)}>${draft ? a.close : a.open}</button>
          </div>
          ${draft ? answerForm(t, v, p, draft) : nothing}
        </li>`;
      })}
    </ol>
  </section>`;
}
