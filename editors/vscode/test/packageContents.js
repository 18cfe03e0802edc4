// Checks what `vsce` puts in the package: the bundled client, the grammar,
// the language configuration and the server binary, and no sources.
const { execSync } = require('child_process');
const assert = require('assert');

const files = execSync('npx vsce ls --no-dependencies', { encoding: 'utf8' })
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
for (const wanted of ['package.json', 'dist/extension.js', 'syntaxes/transcript.tmLanguage.json', 'language-configuration.json', 'LICENSE', 'server/transcript-ls']) {
  assert.ok(files.includes(wanted), `the package lacks ${wanted}: ${files.join(', ')}`);
}
for (const file of files) {
  assert.ok(!file.startsWith('src/') && !file.startsWith('node_modules/') && !file.startsWith('test/'), `the package should not hold ${file}`);
}
console.log(`package contents ok: ${files.length} files`);
