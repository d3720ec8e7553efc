/* extract.h — one document in, its facts out.
 *
 * Pure: the result depends only on the article and the
 * read-only lexicon, so documents can be extracted in parallel and any
 * result reproduced in a unit test from a string.
 */
#pragma once

#include <glib.h>

#include "docfacts.h"
#include "lexicon.h"
#include "input/article.h"

G_BEGIN_DECLS

#define NKG_EXTRACT_ERROR (nkg_extract_error_quark ())
GQuark nkg_extract_error_quark (void);

typedef enum {
  NKG_EXTRACT_ERROR_ENCODING, /* not text at all (NUL bytes) */
} NkgExtractError;

/* Runs every stage (document → segment → mentions → coref → relations,
 * quotes, dates) over one article. The article's own metadata (title,
 * date, URL) wins over what the text suggests. Every fact's evidence is a
 * span of the article's text. */
NkgDocFacts *nkg_extract_article (const NkgLexicon *lexicon, const NkgArticle *article,
                                  GError **error);

/* The same for a plain-text article given as bytes (invalid UTF-8 is
 * repaired, not refused; NUL bytes are refused). */
NkgDocFacts *nkg_extract_document (const NkgLexicon *lexicon, const char *source,
                                   const char *bytes, gsize len, GError **error);

G_END_DECLS
