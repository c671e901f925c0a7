/**
 * The signup form's part of `<hd-forum-editor>`: the forum's own questions as an editable list
 * (add, move, remove; each with its label, help, answer type, choices or longest answer, and
 * whether it is required), and the personal-information consents the form asks for, as PIPA art.
 * 15(2) words them: purpose, items, retention, the right to refuse and what refusing means,
 * required or optional. The consents are the installation's common, versioned wording
 * (`SignupForm.consents`): the contract lets a forum set its questions, not its consents, so they
 * are shown here as the signup form will show them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentItem, SignupForm } from '../../api/types.js';
import type { FieldSet } from '../../operator/fields.js';
import { QUESTION_FIELDS, type QuestionDraft } from './draft.js';
import type { ForumEditorMessages } from './messages.js';

export interface QuestionActions {
  add(): void;
  move(index: number, by: -1 | 1): void;
  remove(index: number): void;
}

export function renderQuestions(
  fields: FieldSet,
  t: ForumEditorMessages,
  questions: readonly QuestionDraft[],
  actions: QuestionActions,
  num: (n: number) => string,
  form: SignupForm | undefined,
): TemplateResult {
  const covering = form?.consents.find((c) => c.fields?.includes('answers'));
  return html`<fieldset class="group">
    <legend>${t.section.questions}</legend>
    <p class="hint">${t.q.intro}</p>
    ${covering ? html`<p class="hint">${t.q.covered(covering.title)}</p>` : nothing}
    ${questions.length ? nothing : html`<p>${t.q.none}</p>`}
    <ol class="questions">
      ${questions.map((q, i) => {
        const key = (name: string) => `questions.${i}.${name}`;
        const n = num(i + 1);
        return html`<li class="card question" data-uid=${q.uid}>
          <h4>${t.q.number(n)}</h4>
          ${fields.input({ key: key('label'), label: t.q.label, spec: QUESTION_FIELDS.label, value: q.label })}
          ${fields.input({ key: key('help'), label: t.q.help, spec: QUESTION_FIELDS.help, value: q.help })}
          ${fields.input({
            key: key('kind'),
            label: t.q.kind,
            spec: QUESTION_FIELDS.kind,
            value: q.kind,
            control: 'select',
            size: 'm',
            options: (['text', 'choice', 'multi-choice'] as const).map((k) => [k, t.q.kinds[k]] as const),
          })}
          ${q.kind === 'text'
            ? fields.input({ key: key('maxLength'), label: t.q.maxLength, spec: QUESTION_FIELDS.maxLength, value: q.maxLength, control: 'number', size: 's' })
            : fields.input({
                key: key('options'),
                label: t.q.options,
                spec: { ...QUESTION_FIELDS.options, required: true },
                value: q.options,
                control: 'textarea',
                hint: t.q.optionsHint,
                say: { missing: t.say.options },
              })}
          ${fields.check(key('required'), t.q.required, q.required)}
          <div class="actions">
            ${i > 0
              ? html`<button type="button" class="secondary" aria-label=${t.q.which(t.q.up, n)} @click=${() => actions.move(i, -1)}>${t.q.up}</button>`
              : nothing}
            ${i < questions.length - 1
              ? html`<button type="button" class="secondary" aria-label=${t.q.which(t.q.down, n)} @click=${() => actions.move(i, 1)}>${t.q.down}</button>`
              : nothing}
            <button type="button" class="secondary warning" aria-label=${t.q.which(t.q.remove, n)} @click=${() => actions.remove(i)}>${t.q.remove}</button>
          </div>
        </li>`;
      })}
    </ol>
    <div class="actions">
      <button type="button" class="secondary add-question" ?disabled=${questions.length >= 20} @click=${actions.add}>${t.q.add}</button>
    </div>
  </fieldset>`;
}

const consent = (t: ForumEditorMessages, c: ConsentItem) => html`<li class="card consent">
  <h4>${c.title} <span class="badge ${c.required ? 's-closed' : ''}">${c.required ? t.consents.required : t.consents.optional}</span></h4>
  <dl>
    <dt>${t.consents.purpose}</dt>
    <dd>${c.purpose}</dd>
    <dt>${t.consents.items}</dt>
    <dd>${c.items.join(', ')}</dd>
    <dt>${t.consents.retention}</dt>
    <dd>${c.retention}</dd>
    <dt>${t.consents.refusal}</dt>
    <dd>${c.refusal}</dd>
  </dl>
</li>`;

/** The consents the forum's signup form asks for, as it will show them. */
export function renderConsents(t: ForumEditorMessages, form: SignupForm): TemplateResult {
  return html`<section class="group" aria-labelledby="consents-title">
    <h3 id="consents-title">${t.section.consents}</h3>
    <p class="hint">${t.consents.intro(form.consentVersion)}</p>
    <ol class="consents">
      ${form.consents.map((c) => consent(t, c))}
    </ol>
  </section>`;
}
