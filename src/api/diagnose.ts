/**
 * Why a request to a backend on another origin got no answer. The browser tells a page nothing
 * about a request it blocked for CORS: it looks the same as a server that is down. It can be told
 * apart: a `no-cors` probe of the same URL reaches the server (its answer is opaque, but it comes)
 * while the page's own request does not. Then the server is up and does not list this page's
 * origin, and retrying will never help: the error says so (`CorsBlockedError`, not transient), the
 * console names the origin and the reference server's `HD_CORS_ORIGINS` once, and widgets show that
 * to editors (a page on a non-public host such as localhost, or opened with `?hd-preview`) while
 * residents see the usual polite outage message.
 *
 * A chunk of its own, fetched by the client only after a request got no response at all: pages
 * whose requests succeed never download it. Its words (for editors, in both languages) live here.
 */
import { NetworkError, type ApiErrorInit } from './errors.js';

/** The backend answered a probe but the browser withheld its answers from this page: CORS. */
export class CorsBlockedError extends NetworkError {
  /** This page's origin, which the backend's allow-list lacks. */
  readonly pageOrigin: string;
  /** The backend's origin. */
  readonly apiOrigin: string;
  /** Whoever sees this page is most likely its editor (see `editorView`): tell them the cause. */
  readonly forEditors: boolean;
  constructor(init: ApiErrorInit, pageOrigin: string, apiOrigin: string, forEditors: boolean) {
    super(init);
    this.pageOrigin = pageOrigin;
    this.apiOrigin = apiOrigin;
    this.forEditors = forEditors;
  }
  /** Asking again changes nothing until the server's allow-list does. */
  override get transient(): boolean {
    return false;
  }
  /**
   * What a widget says about it in `locale`: the cause, for editors; undefined for residents (they
   * get the usual outage message).
   */
  explain(locale: string): string | undefined {
    if (!this.forEditors) return undefined;
    const [page, server] = [this.pageOrigin, this.apiOrigin];
    return locale === 'ko'
      ? `[편집자 안내] 서버(${server})가 이 페이지의 주소(${page})를 허용하지 않아 데이터를 받지 못했습니다. 서버의 허용 목록에 이 주소를 넣고 다시 시작해 주세요. 참조 서버라면 HD_CORS_ORIGINS=${page} 입니다. 시민에게는 이 안내 대신 연결 오류 안내가 보입니다.`
      : `[For editors] The server (${server}) does not allow this page's address (${page}), so no data came through. Add this address to the server's allowed origins and restart it: on the reference server, HD_CORS_ORIGINS=${page}. Residents see a connection error instead of this note.`;
  }
}

/** IPv4 addresses no one outside the building reaches: loopback and the private ranges. */
const LOCAL_IP = /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|0\.0\.0\.0$)/;

/**
 * Whether this page is most likely seen by the person who builds it rather than by the public: a
 * preview (`?hd-preview` in the page's address) or a page on a host that is not public (localhost,
 * `.localhost`, `.local`, `.test`, a loopback or private address, a file).
 */
export function editorView(where: Pick<Location, 'hostname' | 'search' | 'protocol'> = location): boolean {
  const host = where.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (new URLSearchParams(where.search).has('hd-preview')) return true;
  if (where.protocol === 'file:' || !host) return true;
  return host === 'localhost' || host === '::1' || /\.(localhost|local|test)$/.test(host) || LOCAL_IP.test(host);
}

/** Console messages already written (one per page origin and backend). */
const told = new Set<string>();
/** Probes under way, per backend origin: widgets failing together probe once. */
const probes = new Map<string, Promise<boolean>>();

function probe(url: string): Promise<boolean> {
  const origin = new URL(url).origin;
  let pending = probes.get(origin);
  if (!pending) {
    pending = fetch(url, { method: 'GET', mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(5000) }).then(
      () => true,
      () => false,
    );
    probes.set(origin, pending);
    void pending.finally(() => probes.delete(origin));
  }
  return pending;
}

/**
 * A failure of a request to `url`, explained where it can be: a `NetworkError` from a backend on
 * another origin that a `no-cors` probe reaches becomes a `CorsBlockedError`. Anything else (the
 * caller's abort, a timeout, the device offline, a server that is really down) comes back as it was.
 */
export async function diagnoseFailure(failure: unknown, url: string): Promise<unknown> {
  if (!(failure instanceof NetworkError) || failure.offline || typeof location === 'undefined') return failure;
  let apiOrigin: string;
  try {
    apiOrigin = new URL(url).origin;
  } catch {
    return failure;
  }
  const pageOrigin = location.origin;
  if (apiOrigin === pageOrigin || !/^https?:$/.test(new URL(url).protocol) || !(await probe(url))) return failure;
  const key = `${pageOrigin} ${apiOrigin}`;
  if (!told.has(key)) {
    told.add(key);
    console.error(
      `[hyeondap] The server ${apiOrigin} is up, but it does not allow this page's origin ${pageOrigin} (CORS), ` +
        `so the browser withholds its answers. Add ${pageOrigin} to the server's allowed origins and restart it: ` +
        `on the reference server, HD_CORS_ORIGINS=${pageOrigin} (comma-separated with any others).`,
    );
  }
  return new CorsBlockedError(
    { status: 0, code: 'cors-blocked', title: `${apiOrigin} does not allow ${pageOrigin} (CORS)`, detail: failure.detail ?? failure.message, cause: failure },
    pageOrigin,
    apiOrigin,
    editorView(),
  );
}
