import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
/** Links from each rule code to its row in the README's rules table (`| \`code\` | …`). */
export type RuleLinks = ReadonlyMap<string, string>;

/**
 * The user guide in `folder`, which holds the rules table: `README.extension.md` in the
 * repository, the README (whatever its case: `readme.md`) in the packaged extension.
 */
export function ruleLinksFromReadme(folder: string): RuleLinks {
  let readmePath: string;
  let text: string;
  try {
    const names = fs.readdirSync(folder);
    const name = names.find((n) => n.toLowerCase() === 'readme.extension.md') ?? names.find((n) => n.toLowerCase() === 'readme.md');
    if (!name) return new Map();
    readmePath = path.join(folder, name);
    text = fs.readFileSync(readmePath, 'utf8');
  } catch {
    return new Map(); // No README next to the server: diagnostics go without links.
  }
  return ruleLinks(text, pathToFileURL(readmePath).href);
}

export function ruleLinks(readme: string, readmeUrl: string): RuleLinks {
  const links = new Map<string, string>();
  readme.split(/\r\n|\n|\r/).forEach((line, i) => {
    const m = /^\|\s*`([a-z-]+\.[a-z-]+)`\s*\|/.exec(line);
    if (m && !links.has(m[1])) links.set(m[1], `${readmeUrl}#L${i + 1}`);
  });
  return links;
}
