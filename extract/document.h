/* document.h — raw bytes to clean article text with its metadata.
 *
 * Repairs UTF-8 and normalises to NFC, drops site furniture (menus, share
 * widgets, "Related Stories" lists, bare URLs, pic.twitter.com links),
 * reads the article date from header lines and datelines, and picks a
 * headline. The clean text keeps one paragraph per line; embedded tweets
 * stay, since they are content.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *text;  /* clean paragraphs joined by '\n' */
  char *title; /* headline, or NULL */
  char *date;  /* YYYY-MM-DD, or NULL */
  /* private: where each byte of `text` came from in the source */
  const char *source; /* the bytes given to nkg_document_new (not owned) */
  gsize source_len;
  guint *map;         /* text byte → source byte */
  gsize map_len;
} NkgDocument;

/* Fails only on data that is not text (NUL bytes). `bytes` must outlive
 * the document: spans of the clean text are mapped back into it. */
NkgDocument *nkg_document_new (const char *bytes, gsize len, GError **error);

/* The bytes [*src_start, *src_end) of the source that the clean text's
 * bytes [start, end) came from; FALSE for an empty or bad range. */
gboolean nkg_document_source_span (const NkgDocument *doc, gsize start, gsize end,
                                   gsize *src_start, gsize *src_end);
void nkg_document_free (NkgDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgDocument, nkg_document_free)

G_END_DECLS
