import { AskCliError } from './askCli/cli';
import { rehearseDeploy } from './rehearsal/rehearse';

const USAGE = `Usage: npm run deploy:rehearse [-- --keep]

Deploys a fresh copy of the project with the real ASK CLI the project pins (tools/ask-cli),
end to end, to stand-ins on loopback for Login with Amazon, SMAPI, S3 and CloudFormation, with
throwaway credentials: the default profile twice, a named profile and the environment profile,
and npm run link:configure for each. Checks what the CLI sent (one stack per Alexa region in
the AWS region that serves it, and the regional endpoints of the manifest) and that git status
stays clean.
Needs the network only to install the pinned CLI on first use. Part of npm test.

  --keep   keep the work copy and its staging folder, and print where they are
  --help   this text`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
} else if (args.some((arg) => arg !== '--keep')) {
  console.error(`Unknown option ${args.find((arg) => arg !== '--keep')}; see --help.`);
  process.exitCode = 2;
} else {
  rehearseDeploy({ root: process.cwd(), out: (line) => console.log(line), keep: args.includes('--keep') }).then(
    (result) => { process.exitCode = result.failures.length === 0 ? 0 : 1; },
    (error: unknown) => {
      console.error(error instanceof AskCliError ? error.message : `The rehearsal could not run: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
