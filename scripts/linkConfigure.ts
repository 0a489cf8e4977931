import { configureAccountLinking } from './accountLinking/configure';

// `npm run link:configure` (from the project root). See docs/account-linking.md.
process.exitCode = configureAccountLinking({
  root: process.cwd(),
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
