// The property tests at depth, with a seed of their own: what `npm test` runs at 150 cases a
// property with a fixed seed (so that CI is repeatable), run at FC_RUNS cases (2,000 unless set)
// from FC_SEED (a fresh one unless set). The seed is printed first: FC_SEED=<seed> replays a failure.
import { spawnSync } from "node:child_process";

const runs = process.env.FC_RUNS ?? "2000";
const seed = process.env.FC_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(
  `Property tests: ${runs} cases a property, seed ${seed} (FC_SEED=${seed} FC_RUNS=${runs} npm run test:deep to replay)`,
);
const result = spawnSync(
  "npx",
  [
    "vitest",
    "run",
    "test/properties",
    "--testTimeout=1800000",
    ...process.argv.slice(2),
  ],
  {
    stdio: "inherit",
    env: { ...process.env, FC_RUNS: runs, FC_SEED: seed },
    shell: process.platform === "win32",
  },
);
process.exit(result.status ?? 1);
