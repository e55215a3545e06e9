// Calls to the query side's API: every data call carries the bearer token kept in sessionStorage.

const TOKEN_KEY = 'govtrack.token';

/** A refused or failed call, with the problem+json answer's title and detail when there was one. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

export const session = {
  token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  /** Keeps the token and answers who it names (its role and unit), or throws when it is no JWT. */
  signIn(token) {
    const caller = callerOf(token);
    sessionStorage.setItem(TOKEN_KEY, token);
    return caller;
  },
  signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
  },
  caller() {
    const token = this.token();
    if (!token) {
      return null;
    }
    try {
      return callerOf(token);
    } catch (e) {
      this.signOut();
      return null;
    }
  },
};

/**
 * Who a token names, read from its claims for display only (the API checks the signature): subject,
 * role, unit and expiry.
 */
export function callerOf(token) {
  const parts = token.trim().split('.');
  if (parts.length !== 3) {
    throw new ApiError(0, null, 'not a JWT');
  }
  let claims;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, c => c.charCodeAt(0))));
  } catch (e) {
    throw new ApiError(0, null, 'not a JWT');
  }
  if (!claims.role) {
    throw new ApiError(0, null, 'the token names no role');
  }
  return {subject: claims.sub, role: claims.role, unitCode: claims.unitCode || null, expiresAt: claims.exp};
}

/** A path with its query: parameters whose value is null, undefined or '' are left out. */
export function path(base, parameters = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') {
      query.append(name, String(value));
    }
  }
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

/**
 * GET (or another method) on the API, relative to the page: the JSON answer and the position it
 * reflects at least (X-Projection-Position). A non-2xx answer is an ApiError.
 */
export async function call(target, {method = 'GET', body, token = session.token()} = {}) {
  const headers = {Accept: 'application/json'};
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(target, {method, headers, body: body === undefined ? undefined : JSON.stringify(body),
                                    cache: 'no-store'});
  } catch (e) {
    throw new ApiError(0, null, e.message);
  }
  const type = response.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json && json.title, json && json.detail);
  }
  const position = Number(response.headers.get('X-Projection-Position'));
  return {body: json, position: Number.isFinite(position) ? position : null};
}

/** Every page of a paged list: follows the answer's `next` until the last page. */
export async function allPages(first, items) {
  const collected = [];
  let target = first;
  let position = null;
  for (let pages = 0; target && pages < 50; pages++) {
    const answer = await call(target);
    collected.push(...answer.body[items]);
    position = position === null ? answer.position : Math.min(position, answer.position ?? position);
    target = answer.body.next ? relative(answer.body.next) : null;
  }
  return {body: collected, position};
}

/** The API's `next` links are absolute paths; the page calls relative to itself (a context path stays). */
function relative(next) {
  return next.startsWith('/') ? next.slice(1) : next;
}
