/* quotes.h — direct quotations with their speakers.
 *
 * Straight and curly marks, quotes spanning sentences, "X said" / "said X"
 * / "X added" / "he said" (the last person spoken of), a title standing
 * for its holder ("the US Defence Secretary added"), and tweet bodies
 * signed "— Name (@handle) Month D, YYYY". Quotes under four words are
 * scare quotes, not statements, and are skipped.
 */
#pragma once

#include "relations.h"

G_BEGIN_DECLS

void nkg_quotes_extract (const NkgRelationInput *in, NkgDocFacts *facts);

G_END_DECLS
