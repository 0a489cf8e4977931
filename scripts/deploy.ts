import { deploy } from './deploy/deploy';

// `npm run deploy` (from the project root). See docs/deploying.md.
process.exitCode = deploy({
  root: process.cwd(),
  args: process.argv.slice(2),
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
