/* placecue.h — small towns admitted as places by what the text says of them.
 *
 * The gazetteer knows every town of 1,000 people or more, but a small
 * town's name is as often a surname or a word, so mentions.c takes one as a
 * place only where the text itself says a place is meant:
 *   "the (Kenyan) town of X", "the port city of X"  (a settlement noun, data/words.tsv)
 *   "in X, Kenya", a dateline "X, Kenya —"           (a country after a comma)
 *   "X, a (small) town in Kenya"                     (an apposition)
 * A country the cue names (a demonym, a country) must be the town's. A
 * capitalised name after "the town / village of" is a place even when the
 * gazetteer does not know it (villages below 1,000 people).
 */
#pragma once

#include <glib.h>

#include "lexicon.h"
#include "segment.h"

G_BEGIN_DECLS

/* Whether tokens [a, b) of the sentence [s_first, s_last) are a town by a
 * cue around them; fills `out` (klass CITY; name NULL for a place the
 * gazetteer does not know). */
gboolean nkg_place_cue_town (const NkgLexicon *lexicon, const NkgSegments *seg, guint s_first,
                             guint s_last, guint a, guint b, NkgPlace *out);

/* Whether the token [a, b) is the code of a state or province after a
 * town and a comma ("Stephenville, NL"): no name of its own. */
gboolean nkg_place_cue_region_code (const NkgLexicon *lexicon, const NkgSegments *seg, guint s_first,
                                    guint s_last, guint a, guint b);

G_END_DECLS
