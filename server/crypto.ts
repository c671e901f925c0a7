/**
 * The few cryptographic and encoding primitives the server uses, for both places it runs:
 *
 * - in Node, node:crypto and Buffer, exactly as before (native, synchronous);
 * - in a browser, where Storybook runs this same server as its fake backend (stories/fake/):
 *   Web Crypto's random numbers and AES-GCM, and a small synchronous SHA-256.
 *
 * Node's module is looked up at run time (`process.getBuiltinModule`, Node ≥ 20.16), so no
 * browser bundle ever sees an import of node:crypto. Both halves give the same bytes: a token
 * hashed or a response sealed in one is read in the other (test/fake/crypto.test.ts).
 */
type NodeCrypto = typeof import('node:crypto');
type NodeBuffer = typeof import('node:buffer').Buffer;

const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
const node = nodeProcess?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
const NodeBuffer = (nodeProcess?.getBuiltinModule?.('node:buffer') as { Buffer: NodeBuffer } | undefined)?.Buffer;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

// ───────────────────────────── the browser's half ─────────────────────────────

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
/** The first 32 bits of the fractional parts of the square (cube) roots of the first primes. */
const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311];
const frac32 = (x: number) => ((x - Math.floor(x)) * 2 ** 32) >>> 0;
const K = Uint32Array.from(PRIMES, (p) => frac32(Math.cbrt(p)));
const H0 = Uint32Array.from(PRIMES.slice(0, 8), (p) => frac32(Math.sqrt(p)));

/** SHA-256 (FIPS 180-4), synchronous like node:crypto's (Web Crypto's digest is async only). */
function sha256Js(data: Uint8Array): Uint8Array {
  const blocks = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  blocks.set(data);
  blocks[data.length] = 0x80;
  const view = new DataView(blocks.buffer);
  view.setUint32(blocks.length - 8, Math.floor(data.length / 2 ** 29));
  view.setUint32(blocks.length - 4, (data.length * 8) >>> 0);
  const h = H0.slice();
  const w = new Uint32Array(64);
  for (let at = 0; at < blocks.length; at += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(at + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3);
      const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10);
      w[i] = w[i - 16]! + s0 + w[i - 7]! + s1;
    }
    let [a, b, c, d, e, f, g, k] = h as unknown as number[];
    for (let i = 0; i < 64; i++) {
      const t1 = (k! + (rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25)) + ((e! & f!) ^ (~e! & g!)) + K[i]! + w[i]!) | 0;
      const t2 = ((rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22)) + ((a! & b!) ^ (a! & c!) ^ (b! & c!))) | 0;
      [k, g, f, e, d, c, b, a] = [g, f, e, (d! + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    [a, b, c, d, e, f, g, k].forEach((v, i) => (h[i] = h[i]! + v!));
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setUint32(i * 4, v));
  return out;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => (/^(?:[0-9a-fA-F]{2})*$/.test(hex) ? Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16)) : new Uint8Array(0));

function toBase64Js(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
/** Lenient like Buffer's decoder: characters outside the alphabet are skipped. */
function fromBase64Js(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/-/g, '+').replace(/_/g, '/').replace(/[^A-Za-z0-9+/]/g, '');
  const binary = atob(clean.length % 4 === 1 ? clean.slice(0, -1) : clean + '='.repeat((4 - (clean.length % 4)) % 4));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}
const base64urlJs = (bytes: Uint8Array) => toBase64Js(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function randomBytesWeb(size: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(size));
}

/** Uniform in [0, max) without modulo bias. */
function randomIntWeb(max: number): number {
  const limit = Math.floor(2 ** 32 / max) * max;
  const word = new Uint32Array(1);
  do crypto.getRandomValues(word);
  while (word[0]! >= limit);
  return word[0]! % max;
}

function sealWeb(key: Uint8Array, text: string): Promise<string> {
  const iv = randomBytesWeb(12);
  return crypto.subtle
    .importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['encrypt'])
    .then((aes) => crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, utf8.encode(text)))
    .then((result) => {
      const out = new Uint8Array(result); // ciphertext | tag: laid out as Node's iv | tag | ciphertext
      const sealed = new Uint8Array(out.length + 12);
      sealed.set(iv);
      sealed.set(out.subarray(out.length - 16), 12);
      sealed.set(out.subarray(0, out.length - 16), 28);
      return toBase64Js(sealed);
    });
}

function unsealWeb(key: Uint8Array, sealed: string): Promise<string> {
  const buf = fromBase64Js(sealed);
  const data = new Uint8Array(Math.max(0, buf.length - 12));
  data.set(buf.subarray(28));
  data.set(buf.subarray(12, 28), Math.max(0, buf.length - 28));
  return crypto.subtle
    .importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['decrypt'])
    .then((aes) => crypto.subtle.decrypt({ name: 'AES-GCM', iv: buf.subarray(0, 12) }, aes, data))
    .then((plain) => fromUtf8.decode(plain));
}

// ───────────────────────────── one interface, two halves ─────────────────────────────

export interface Primitives {
  /** SHA-256 of the UTF-8 text. */
  sha256(text: string): Uint8Array;
  /** SHA-256 of the UTF-8 text, as lower-case hex. */
  sha256Hex(text: string): string;
  /** Constant-time comparison of two hex strings (false for unequal lengths or empty ones). */
  hexEqual(a: string, b: string): boolean;
  /** `size` random bytes in base64url (no padding). */
  randomBase64url(size: number): string;
  /** A uniformly random integer in [0, max). */
  randomInt(max: number): number;
  /** UTF-8 text → base64url (no padding). */
  encodeBase64url(text: string): string;
  /** base64url (or base64) → UTF-8 text; characters outside the alphabet are skipped. */
  decodeBase64url(text: string): string;
  /** AES-256-GCM with a 32-byte key: base64 of iv (12) | tag (16) | ciphertext. */
  seal(key: Uint8Array, text: string): Promise<string>;
  /** The text `seal` sealed with the same key; rejects when it was not (or was altered). */
  unseal(key: Uint8Array, sealed: string): Promise<string>;
}

/** The browser's half (it runs in Node too: Node has Web Crypto, TextEncoder and atob). */
export const webPrimitives: Primitives = {
  sha256: (text) => sha256Js(utf8.encode(text)),
  sha256Hex: (text) => toHex(sha256Js(utf8.encode(text))),
  hexEqual(a, b) {
    const ba = fromHex(a);
    const bb = fromHex(b);
    if (ba.length !== bb.length || ba.length === 0) return false;
    let diff = 0;
    for (let i = 0; i < ba.length; i++) diff |= ba[i]! ^ bb[i]!;
    return diff === 0;
  },
  randomBase64url: (size) => base64urlJs(randomBytesWeb(size)),
  randomInt: randomIntWeb,
  encodeBase64url: (text) => base64urlJs(utf8.encode(text)),
  decodeBase64url: (text) => fromUtf8.decode(fromBase64Js(text)),
  seal: sealWeb,
  unseal: unsealWeb,
};

/** Node's half: node:crypto and Buffer, as the server has always used them. */
function nodeHalf(c: NodeCrypto, B: NodeBuffer): Primitives {
  return {
    sha256: (text) => c.createHash('sha256').update(text, 'utf8').digest(),
    sha256Hex: (text) => c.createHash('sha256').update(text, 'utf8').digest('hex'),
    hexEqual(a, b) {
      const ba = B.from(a, 'hex');
      const bb = B.from(b, 'hex');
      return ba.length === bb.length && ba.length > 0 && c.timingSafeEqual(ba, bb);
    },
    randomBase64url: (size) => c.randomBytes(size).toString('base64url'),
    randomInt: (max) => c.randomInt(max),
    encodeBase64url: (text) => B.from(text, 'utf8').toString('base64url'),
    decodeBase64url: (text) => B.from(text, 'base64url').toString('utf8'),
    async seal(key, text) {
      const iv = c.randomBytes(12);
      const cipher = c.createCipheriv('aes-256-gcm', key, iv);
      const ct = B.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return B.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
    },
    async unseal(key, sealed) {
      const buf = B.from(sealed, 'base64');
      const decipher = c.createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, 28));
      return B.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** Node's half where there is Node, else null. */
export const nodePrimitives: Primitives | null = node && NodeBuffer ? nodeHalf(node, NodeBuffer) : null;

const primitives = nodePrimitives ?? webPrimitives;
export const { sha256, sha256Hex, hexEqual, randomBase64url, randomInt, encodeBase64url, decodeBase64url, seal, unseal } = primitives;
