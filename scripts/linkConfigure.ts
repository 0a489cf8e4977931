import { configureAccountLinking } from './accountLinking/configure';

// `npm run link:configure` (from the project root). See README, "Account linking with Spotify".
process.exitCode = configureAccountLinking({
  root: process.cwd(),
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
