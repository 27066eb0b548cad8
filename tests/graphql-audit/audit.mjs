// GraphQL-over-HTTP conformance: runs graphql-http's serverAudits against a running Disclosure API.
// Usage: node audit.mjs [url]   (default http://127.0.0.1:5080/graphql)
// Exit code 1 when any MUST audit fails, or any SHOULD audit fails with --strict.
import { serverAudits } from 'graphql-http';

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith('--')) ?? 'http://127.0.0.1:5080/graphql';
const strict = args.includes('--strict');

const results = [];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  results.push(result);
  const tag = { ok: 'PASS', notice: 'NOTE', warn: 'WARN', error: 'FAIL' }[result.status];
  console.log(`${tag} ${result.id} ${result.name}${result.status === 'ok' ? '' : `  <- ${result.reason}`}`);
}
const count = (status) => results.filter((r) => r.status === status).length;
const failed = count('error') + (strict ? count('warn') : 0);
console.log(`MUST failures: ${count('error')}, SHOULD failures: ${count('warn')}, MAY notices: ${count('notice')}`);
console.log(`graphql-http audit: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
