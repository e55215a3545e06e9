// The one live connection: GET api/v1/projections/stream read with fetch and a stream reader (an
// EventSource cannot send the Authorization header). Each `projection` event names a projection and the
// position it reached; the connection is re-opened with a growing back-off (1 s doubling to 30 s) when it
// fails or ends, and when nothing, not even the 15-second keep-alive, arrived for 45 s.

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30000;
const SILENCE_MS = 45000;

/**
 * Opens the stream and keeps it open until stop() is called.
 *
 * @param token       () => the bearer token
 * @param onProjection ({projection, position, head}) => void, for each projection event
 * @param onState     (state: 'connecting' | 'live' | 'offline') => void
 * @param onRefused   () => void, when the API refuses the token (401): the stream is not retried
 */
export function openLive({token, onProjection, onState, onRefused}) {
  let stopped = false;
  let failures = 0;
  let controller = null;
  let retry = null;
  let silence = null;

  function watchSilence() {
    clearTimeout(silence);
    silence = setTimeout(() => controller && controller.abort(), SILENCE_MS);
  }

  async function connect() {
    if (stopped) {
      return;
    }
    onState('connecting');
    controller = new AbortController();
    watchSilence();
    try {
      const response = await fetch('api/v1/projections/stream', {
        headers: {Authorization: `Bearer ${token()}`, Accept: 'text/event-stream'},
        cache: 'no-store', signal: controller.signal,
      });
      if (response.status === 401) {
        stopped = true;
        onState('offline');
        onRefused();
        return;
      }
      if (!response.ok || !response.body) {
        throw new Error(`HTTP ${response.status}`);
      }
      onState('live');
      failures = 0;
      await read(response.body.getReader());
    } catch (e) {
      // a failed or aborted connection: retried below
    }
    clearTimeout(silence);
    if (!stopped) {
      onState('offline');
      const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
      failures++;
      retry = setTimeout(connect, delay);
    }
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffered = '';
    for (;;) {
      const {value, done} = await reader.read();
      if (done || stopped) {
        return;
      }
      watchSilence();
      buffered += decoder.decode(value, {stream: true}).replace(/\r\n/g, '\n');
      let end;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        dispatch(buffered.slice(0, end));
        buffered = buffered.slice(end + 2);
      }
    }
  }

  /** One event block of the text/event-stream format: `event:`, `data:` (joined by newlines), comments. */
  function dispatch(block) {
    let type = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') {
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') {
        type = value;
      } else if (field === 'data') {
        data.push(value);
      }
    }
    if (type !== 'projection' || data.length === 0) {
      return;
    }
    try {
      const event = JSON.parse(data.join('\n'));
      if (typeof event.projection === 'string' && Number.isFinite(event.position)) {
        onProjection(event);
      }
    } catch (e) {
      // not the contract's JSON: ignored
    }
  }

  connect();
  return {
    stop() {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(silence);
      if (controller) {
        controller.abort();
      }
    },
  };
}
