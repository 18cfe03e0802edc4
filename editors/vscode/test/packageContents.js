// Checks the .vsix that `npm run package` wrote: the bundled client, the
// grammar, the language configuration and the server binary, no sources; a
// target platform in the manifest that is the one the server is built for;
// and a server stripped of its symbols.
const { execFileSync } = require('child_process');
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const here = path.dirname(__dirname);
const packages = fs.readdirSync(here).filter((f) => /^transcript-ls-.+\.vsix$/.test(f));
assert.equal(packages.length, 1, `expected one transcript-ls-TARGET.vsix, found: ${packages.join(', ') || 'none'}`);
const vsix = path.join(here, packages[0]);
const target = packages[0].slice('transcript-ls-'.length, -'.vsix'.length);

// A .vsix is a zip: list it, and read the manifest and the server, with
// Python's zipfile (Node has no zip reader of its own).
const read = (member) =>
  execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', vsix, member], {
    maxBuffer: 64 << 20,
  });
const files = execFileSync('python3', ['-c', 'import sys,zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f.startsWith('extension/'))
  .map((f) => f.slice('extension/'.length));

const server = target.startsWith('win32-') ? 'server/transcript-ls.exe' : 'server/transcript-ls';
for (const wanted of ['package.json', 'dist/extension.js', 'syntaxes/transcript.tmLanguage.json', 'language-configuration.json', 'LICENSE.txt', server]) {
  assert.ok(files.includes(wanted), `the package lacks ${wanted}: ${files.join(', ')}`);
}
for (const file of files) {
  assert.ok(!/^(src|node_modules|test|scripts|out|\.e2e)\//.test(file) && !file.endsWith('.map'), `the package should not hold ${file}`);
}

const manifest = read('extension.vsixmanifest').toString('utf8');
assert.match(manifest, new RegExp(`TargetPlatform="${target}"`), `the manifest should name the target ${target}`);

const binary = read(`extension/${server}`);
const { binaryTarget } = require(path.join(here, 'out', 'src', 'binaryTarget.js'));
assert.equal(binaryTarget(binary.subarray(0, 4096)), target, 'the bundled server is built for the package target');
if (target.startsWith('linux-')) {
  // A stripped ELF has no symbol table, so no section is named .symtab.
  assert.ok(!binary.includes(Buffer.from('.symtab\0')), 'the bundled server should be stripped');
}

const categories = JSON.parse(read('extension/package.json')).categories;
assert.ok(!categories.includes('Formatters'), 'the extension offers no formatter, so it is not in the Formatters category');

console.log(`package contents ok: ${path.basename(vsix)}, ${files.length} files, server ${(binary.length / 1e6).toFixed(1)} MB for ${target}`);
