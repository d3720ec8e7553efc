// wink.js DIR — the comparison point of bench/compare-wink.sh: wink-nlp
// reads every *.txt under DIR with readDoc (tokens, sentences, parts of
// speech, entities), as newskg build reads them. Prints files and tokens.
const fs = require('fs'), path = require('path');
const nlp = require('wink-nlp')(require('wink-eng-lite-web-model'));
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(d, e.name))
    : e.name.endsWith('.txt') ? [path.join(d, e.name)] : []);
let files = 0, tokens = 0, entities = 0;
for (const f of walk(process.argv[2]).sort()) {
  const doc = nlp.readDoc(fs.readFileSync(f, 'utf8'));
  files++; tokens += doc.tokens().length(); entities += doc.entities().length();
}
console.log(`wink-nlp: ${files} files, ${tokens} tokens, ${entities} entities`);
