import { formatProblem } from './skillPackage/problem';
import { validateProject } from './skillPackage/validateProject';

/*
 * `npm run validate`: checks the skill package, the account-linking template and
 * ask-resources.json offline, against Amazon's SMAPI model, each other and the code.
 * Run from the project root (npm does that).
 */
const USAGE = `usage: npm run validate [-- --help]

Checks, offline, what ask deploy and npm run link:configure would send to Amazon:
skill-package/skill.json, the interaction models, account-linking/spotify.template.json and
ask-resources.json, against Amazon's SMAPI schemas, against each other and against the intents the
skill handles. Prints each problem with its file and field, and exits 1 if there is any.
More: docs/deploying.md#validate-before-sending`;

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
  console.log(USAGE);
} else if (args.length > 0) {
  console.error(`npm run validate takes no arguments (${args[0]})\n${USAGE.split('\n')[0]}`);
  process.exitCode = 2;
} else {
  const { problems, checked } = validateProject(process.cwd());
  if (problems.length > 0) {
    for (const found of problems) console.error(formatProblem(found));
    console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the skill package; nothing was sent to Amazon.`);
    process.exitCode = 1;
  } else {
    console.log(`Skill package OK (${checked.join(', ')}).`);
  }
}
