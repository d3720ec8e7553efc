/* extract.h — one document in, its facts out.
 *
 * Pure: the result depends only on the bytes, the source name and the
 * read-only lexicon, so documents can be extracted in parallel and any
 * result reproduced in a unit test from a string.
 */
#pragma once

#include <glib.h>

#include "docfacts.h"
#include "lexicon.h"

G_BEGIN_DECLS

#define NKG_EXTRACT_ERROR (nkg_extract_error_quark ())
GQuark nkg_extract_error_quark (void);

typedef enum {
  NKG_EXTRACT_ERROR_ENCODING, /* not text at all (NUL bytes) */
} NkgExtractError;

/* Runs every stage (document → segment → mentions → coref → relations,
 * quotes, dates). Invalid UTF-8 is repaired, not refused. */
NkgDocFacts *nkg_extract_document (const NkgLexicon *lexicon, const char *source,
                                   const char *bytes, gsize len, GError **error);

G_END_DECLS
