/**
 * ESLint rule "dateline/import-direction": keeps the dependency graph
 * pointing one way (see docs/architecture.md):
 *   - only src/app (the composition root), src/cli and src/main.ts may import src/app;
 *   - a feature imports another feature only through its index.ts;
 *   - src/lib and src/db import no feature, src/lib imports nothing from src/db;
 *   - nothing under src/ imports test/ or bench/, except tests beside the code (the db harness);
 *   - the newsroom app (admin/) is built for the browser on its own: it imports nothing outside admin/
 *     but types (and prefers duplicating those); its tests may import server code to check that
 *     what the app duplicates still agrees with the server.
 */
import path from 'node:path';

const SRC = `${path.sep}src${path.sep}`;
const ADMIN = `${path.sep}admin${path.sep}`;

/** The admin/ folder a file is in, or null. */
function adminRoot(file) {
  const i = file.lastIndexOf(ADMIN);
  return i < 0 ? null : file.slice(0, i + ADMIN.length);
}

function area(file) {
  const i = file.lastIndexOf(SRC);
  if (i < 0) return null;
  const rel = file.slice(i + SRC.length).split(path.sep);
  return { top: rel[0], feature: rel[0] === 'features' ? rel[1] : undefined, rest: rel.slice(rel[0] === 'features' ? 2 : 1) };
}

export default {
  meta: { type: 'problem', schema: [], messages: { bad: '{{why}}' } },
  create(context) {
    const file = context.filename;
    const admin = adminRoot(file);
    if (admin) {
      if (/\.test\.tsx?$/.test(file)) return {};
      const checkAdmin = (node) => {
        const spec = node.source && node.source.value;
        if (typeof spec !== 'string' || !spec.startsWith('.') || node.importKind === 'type' || node.exportKind === 'type') return;
        if (!path.resolve(path.dirname(file), spec).startsWith(admin)) {
          context.report({ node, messageId: 'bad', data: { why: 'The newsroom app (admin/) must not import server code, tests or tools; duplicate the small types it needs.' } });
        }
      };
      return { ImportDeclaration: checkAdmin, ExportNamedDeclaration: checkAdmin, ExportAllDeclaration: checkAdmin, ImportExpression: checkAdmin };
    }
    const from = area(file);
    if (!from) return {};
    const isTest = /\.test\.ts$/.test(file) || /\.test-[a-z-]+\.ts$/.test(file);
    function check(node) {
      const spec = node.source && node.source.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), spec);
      if (!target.includes(SRC)) {
        if (!isTest && /[\\/](test|bench)[\\/]/.test(target)) context.report({ node, messageId: 'bad', data: { why: 'Code under src/ must not import tests or benchmarks.' } });
        return;
      }
      const to = area(target);
      if (!to) return;
      const report = (why) => context.report({ node, messageId: 'bad', data: { why } });
      if (to.top === 'app' && !['app', 'cli', 'main.ts'].includes(from.top)) report('Only src/app, src/cli and src/main.ts may import the composition root (src/app).');
      if (from.top === 'lib' && (to.top === 'features' || to.top === 'db' || to.top === 'app')) report('src/lib holds small helpers and imports no feature, database or app code.');
      if (from.top === 'db' && to.top === 'features') report('src/db must not import features.');
      if (from.top === 'features' && to.top === 'features' && from.feature !== to.feature) {
        const entry = to.rest.join('/');
        if (entry !== 'index.js' && entry !== 'index.ts' && entry !== 'index') report(`Import the ${to.feature} feature through its index.ts, not ${entry}.`);
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
