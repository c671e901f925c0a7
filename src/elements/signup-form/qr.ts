/**
 * The registration code's QR code as one SVG path. `uqr` is loaded only when a confirmation is
 * shown (a separate chunk, not part of the element's initial code).
 */
export interface QrShape {
  size: number;
  d: string;
}

export async function qrShape(text: string): Promise<QrShape> {
  const { encode } = await import('uqr');
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  let d = '';
  data.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
  return { size, d };
}
