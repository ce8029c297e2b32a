// Loaded by autocannon's worker thread, by path (a function cannot be sent to a worker): gives each
// request of `npm run load`'s varied target a variable of its own, unused by the query, so that no
// answer comes from graphql/directory-cache.ts and the target measures answers computed afresh.
let sent = 0;
module.exports = (req) => ({ ...req, body: `${req.body.slice(0, -1)},"variables":{"request":${(sent += 1)}}}` });
