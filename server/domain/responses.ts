/** The timeline text recorded when the city records a response without its own note. */
import type { components } from '../../src/api/schema.d.ts';

export const DEFAULT_NOTE: Record<components['schemas']['ResponseStatus'], string> = {
  accepted: '시가 제안을 수용했습니다.',
  partial: '시가 제안을 일부 수용했습니다.',
  reviewing: '담당 부서에서 제안을 검토하고 있습니다.',
  declined: '시가 제안을 수용하지 않기로 했습니다.',
  awaiting: '시 답변을 기다리고 있습니다.',
};
