// make-subdivisions.mjs — names for the ISO 3166-2 subdivisions that
// Debian's iso-codes (4.15, the version this build machine's Debian ships)
// still calls by a placeholder, its kind and a number ("Province 1" for
// Nepal's Koshi, named in 2023), from the npm package @koshmoney/countries
// (MIT; ISO 3166-2 names and kinds). make-iso.py puts such a name in place
// of the placeholder while iso-codes has one; a newer iso-codes that names
// the subdivision itself wins. Only placeholders are taken from it: the
// package's other names differ from iso-codes' in spelling and, for some
// countries, in which code a name has.
//
// Run once, by hand, when the list should be refreshed:
//   npm install @koshmoney/countries && node make-subdivisions.mjs > subdivision-names.tsv
import fs from 'fs'
import path from 'path'

// the package exports no per-country path: read its files where npm put them
const dir = path.resolve('node_modules/@koshmoney/countries/dist/subdivision/data')
const iso = JSON.parse(fs.readFileSync('/usr/share/iso-codes/json/iso_3166-2.json', 'utf8'))['3166-2']
const placeholder = (e) => new RegExp(`^${e.type} [0-9]+$`).test(e.name)

const rows = []
for (const e of iso) {
  if (!placeholder(e)) continue
  const { subdivisions } = await import('file://' + path.join(dir, `${e.code.slice(0, 2)}.js`))
  const newer = subdivisions[e.code]
  if (newer && newer.type === e.type && !placeholder(newer) && !/[\t\n]/.test(newer.name)) rows.push(`${e.code}\t${newer.name}`)
}
process.stdout.write('# code\tname — subdivisions that iso-codes names by a placeholder; @koshmoney/countries, MIT; see make-subdivisions.mjs\n')
for (const r of rows) process.stdout.write(r + '\n')
