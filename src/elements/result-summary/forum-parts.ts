/**
 * Pieces of a forum's summary in `<hd-result-summary>`'s own chunk: a proposal with the city's
 * answer and timeline, and the chart frames that keep their space until the details chunk draws
 * them. Template functions reading the element through the same `ResultHost` as the lazy parts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ForumResult, Proposal } from '../../api/types.js';
import type { ChartParts, ResultHost } from './details.js';

/** Height of one bar in em: keep in step with `ROW` in charts.ts (a placeholder reserves the chart's space). */
const ROW = 2.9;

function badge(host: ResultHost, status: Proposal['status']): TemplateResult {
  return html`<span class="badge s-${status}" part="status">${host.localize.m.responseStatus[status]}</span>`;
}

/** An empty, hidden data table: its toggle's target until the details chunk brings the table. */
export function tableSlot(host: ResultHost, id: string): TemplateResult {
  return html`<div class="table-wrap" id=${id} ?hidden=${!host.isOpen(id)}></div>`;
}

/** One proposal: rank, votes, category, department, the city's answer, the ideas it came from, its timeline. */
export function proposalItem(host: ResultHost, proposal: Proposal): TemplateResult {
  const words = host.localize.t;
  const num = (v: number) => host.localize.number(v);
  return html`<li class="proposal" part="proposal" data-id=${proposal.id}>
    <div class="p-head">
      <span class="rank">${words.rank(num(proposal.rank))}</span>
      <h4>${proposal.title}</h4>
      ${badge(host, proposal.status)}
    </div>
    <dl class="p-meta">
      <div><dt>${words.stats.votes}</dt><dd>${words.votes(num(proposal.votes))}</dd></div>
      ${proposal.category ? html`<div><dt>${words.category}</dt><dd>${proposal.category}</dd></div>` : nothing}
      <div><dt>${words.department}</dt><dd>${proposal.department ?? words.unassigned}</dd></div>
    </dl>
    <div class="answer" part="answer">
      <h5>${words.answer}</h5>
      <p>${proposal.answer ?? words.noAnswer}</p>
      ${proposal.answeredAt ? html`<p class="muted">${words.answeredAt(host.day(proposal.answeredAt))}</p>` : nothing}
    </div>
    ${proposal.ideas.length
      ? html`<h5>${words.ideasFrom}</h5>
          <ul class="ideas">
            ${proposal.ideas.map((i) => html`<li>${i.text} <span class="muted">(${words.ideaMeta(num(i.table), num(i.votes))})</span></li>`)}
          </ul>`
      : nothing}
    ${proposal.timeline.length
      ? html`<h5>${words.timeline}</h5>
          <ol class="timeline">
            ${proposal.timeline.map((t) => html`<li><time datetime=${t.date}>${host.day(t.date)}</time>${t.status ? badge(host, t.status) : nothing}<span>${t.text}</span></li>`)}
          </ol>`
      : nothing}
  </li>`;
}

/**
 * A forum's charts in their frames. Until the details chunk is in (it loads when they come near
 * the viewport), each drawing's space is reserved by a placeholder of its exact height and each
 * table is an empty target for its toggle; the frames, captions and toggles stay the same DOM
 * when the parts arrive, so nothing moves and focus stays put.
 */
export function chartFrames(host: ResultHost, result: ForumResult, glance: Record<'cat' | 'district' | 'age', ChartParts> | undefined): TemplateResult {
  const words = host.localize.t;
  const skeletonChart = (rows: number) => html`<svg class="sk" aria-hidden="true" width="100%" height="${rows * ROW}em"></svg>`;
  const figure = (id: 'cat' | 'district' | 'age', title: string, chart: unknown) =>
    html`<figure class="chart" part="chart"><figcaption>${title}</figcaption>${chart}${host.toggleButton(id)}${glance?.[id].table ?? tableSlot(host, id)}</figure>`;
  const categories = result.categories.length;
  return html`<div class="charts ${glance ? '' : 'pending'}">
    ${categories
      ? figure(
          'cat',
          words.byCategory,
          html`<div class="pair">
            <div><p class="series">${words.stats.ideas}</p>${glance?.cat.chart ?? skeletonChart(categories)}</div>
            <div aria-hidden="true"><p class="series">${words.stats.votes}</p>${glance?.cat.votes ?? skeletonChart(categories)}</div>
          </div>`,
        )
      : nothing}
    ${result.byDistrict.length ? figure('district', words.byDistrict, glance?.district.chart ?? skeletonChart(Math.min(8, result.byDistrict.length))) : nothing}
    ${result.byAgeGroup.length ? figure('age', words.byAge, glance?.age.chart ?? skeletonChart(result.byAgeGroup.length)) : nothing}
  </div>`;
}
