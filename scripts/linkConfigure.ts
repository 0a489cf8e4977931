import { linkConfigure } from './accountLinking/configure';

// `npm run link:configure` (from the project root). See docs/account-linking.md.
process.exitCode = linkConfigure({
  root: process.cwd(),
  args: process.argv.slice(2),
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
