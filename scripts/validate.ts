import { formatProblem } from './skillPackage/problem';
import { validateProject } from './skillPackage/validateProject';

/*
 * `npm run validate`: checks the skill package, the account-linking template and
 * ask-resources.json offline, against Amazon's SMAPI model, each other and the code.
 * Run from the project root (npm does that).
 */
const { problems, checked } = validateProject(process.cwd());
if (problems.length > 0) {
  for (const found of problems) console.error(formatProblem(found));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the skill package; nothing was sent to Amazon.`);
  process.exitCode = 1;
} else {
  console.log(`Skill package OK (${checked.join(', ')}).`);
}
