/**
 * Timers for network timeouts that do not count the time our own event loop was stalled. A stall stops the loop from
 * reading what the network delivered, so a plain timer counting it would blame the server: on the local runtime,
 * where one process serves a whole burst of invocations, stalls of 600-900 ms in our own code turned up to 165 of 200
 * reads into 503s although DynamoDB Local had answered them. A heartbeat measures the stalls while any timer is armed.
 */
const beatMs = 10;
/** A late beat up to this is timer jitter, not a stall. */
const jitterMs = 2 * beatMs;

let stalledMs = 0;
let lastBeat = 0;
let armed = 0;
let heartbeat: NodeJS.Timeout | undefined;

function beat() {
  const now = performance.now();
  stalledMs += Math.max(0, now - lastBeat - jitterMs);
  lastBeat = now;
}

function holdHeartbeat() {
  if (armed++ === 0) {
    lastBeat = performance.now();
    heartbeat = setInterval(beat, beatMs).unref();
  }
}

function releaseHeartbeat() {
  if (--armed === 0) clearInterval(heartbeat);
}

/** The time that has passed while our loop was free to run: wall-clock time less the stalls. */
const runningTime = () => performance.now() - stalledMs;

/** Calls `expire` once `ms` of running time have passed, unless cancelled first. */
export function stallTolerantTimeout(ms: number, expire: () => void): () => void {
  const startedAt = runningTime();
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const check = () => {
    // The stall that made this timer late, counted now, whether or not the heartbeat has run since.
    beat();
    const left = ms - (runningTime() - startedAt);
    if (left > 0) timer = setTimeout(check, left);
    else {
      cancel();
      expire();
    }
  };
  function cancel() {
    if (cancelled) return;
    cancelled = true;
    clearTimeout(timer);
    releaseHeartbeat();
  }
  holdHeartbeat();
  timer = setTimeout(check, ms);
  return cancel;
}
