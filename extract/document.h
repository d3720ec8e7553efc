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
} NkgDocument;

/* Fails only on data that is not text (NUL bytes). */
NkgDocument *nkg_document_new (const char *bytes, gsize len, GError **error);
void nkg_document_free (NkgDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgDocument, nkg_document_free)

G_END_DECLS
