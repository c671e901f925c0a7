/**
 * The projector's QR code: `uqr` is loaded with a dynamic `import()` only when a projector asks
 * for it, and its module matrix is drawn with Lit's `svg` (one path; never an HTML string).
 */
import { svg, type SVGTemplateResult } from 'lit';

export async function qrMatrix(text: string): Promise<boolean[][]> {
  const { encode } = await import('uqr');
  return encode(text, { ecc: 'M', border: 2 }).data;
}

export function qrSvg(matrix: readonly (readonly boolean[])[], label: string): SVGTemplateResult {
  const size = matrix.length;
  let d = '';
  matrix.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
  return svg`<svg part="qr" class="qr" viewBox="0 0 ${size} ${size}" role="img" aria-label=${label} shape-rendering="crispEdges"><rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path></svg>`;
}

/** The join URL from a template like `https://…/venue.html?code={code}&table={table}`; empty parameters dropped. */
export function joinUrl(template: string, code: string, table: number): string {
  const filled = template.replaceAll('{code}', encodeURIComponent(code)).replaceAll('{table}', table > 0 ? String(table) : '');
  try {
    const url = new URL(filled, document.baseURI);
    for (const [k, v] of [...url.searchParams]) if (!v) url.searchParams.delete(k);
    return url.href;
  } catch {
    return filled;
  }
}
