// Run in a worker thread by `npm run load` (plain JavaScript, loaded by path, as autocannon's workers
// are): people typing in the public directory's search at once, each keystroke a GET of the page's
// document for the text typed so far, at a steady pace whatever the answers do (open loop: a slow
// answer does not slow the typing, so a backlog shows as latency). Latency is counted from the
// moment the key was struck, not from when the request left. Posts back the latencies (ms) of the
// keystrokes struck during the measured window, how many were struck then and how many failed.
const { parentPort, workerData } = require('node:worker_threads');

const { url, query, typists, intervalMs, warmUpMs, durationMs, pageSize } = workerData;
let request = 0;

/** The page's GET (urql's preferGetMethod), with a variable of its own so that no answer is kept from an earlier keystroke. */
function keystrokeUrl(text) {
  const params = new URLSearchParams({
    operationName: 'PublicDirectory',
    query,
    variables: JSON.stringify({ filter: { text }, first: pageSize, after: null, request: (request += 1) }),
  });
  return `${url}?${params}`;
}

async function main() {
  const start = performance.now() + 50;
  const measureFrom = start + warmUpMs;
  const end = measureFrom + durationMs;
  const latencies = [];
  let struck = 0;
  let failures = 0;
  const pending = new Set();

  function strike(text, at) {
    const measured = at >= measureFrom && at < end;
    if (measured) struck += 1;
    const done = fetch(keystrokeUrl(text))
      .then(async (res) => {
        const body = await res.text();
        if (res.status !== 200 || body.includes('"errors"')) throw new Error(`${res.status} ${body.slice(0, 200)}`);
        if (measured) latencies.push(performance.now() - at);
      })
      .catch((err) => {
        if (measured) failures += 1;
        if (failures === 1 && measured) console.error('search-as-you-type:', String(err));
      })
      .finally(() => pending.delete(done));
    pending.add(done);
  }

  // Each person types the phrases in turn, from a phrase of their own, their keystrokes spread over
  // the interval (people do not type in step). Each keystroke is struck on schedule.
  await Promise.all(
    typists.map(
      (keystrokes, person) =>
        new Promise((resolve) => {
          let k = 0;
          const next = () => {
            const at = start + (person * intervalMs) / typists.length + k * intervalMs;
            if (at >= end) return resolve();
            setTimeout(() => {
              strike(keystrokes[k % keystrokes.length], at);
              k += 1;
              next();
            }, Math.max(0, at - performance.now()));
          };
          next();
        }),
    ),
  );
  await Promise.all([...pending]);
  parentPort.postMessage({ latencies, struck, failures });
}

main().catch((err) => {
  console.error(err);
  parentPort.postMessage({ latencies: [], struck: 0, failures: 1 });
});
