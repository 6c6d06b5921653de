#!/usr/bin/env node
// Runs the compiled command line (built by `npm install` / `npm ci` through the prepare script).
const { main } = require("../dist/node/cli/fund-quota.js");

// `fund-quota check | head` closes the pipe early: not a failure of the check, whose exit code stands.
process.stdout.on("error", (e) => {
  if (e.code !== "EPIPE") throw e;
});

main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTty: Boolean(process.stdout.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`fund-quota: unexpected failure: ${e && e.message ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
);
