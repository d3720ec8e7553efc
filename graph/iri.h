/* iri.h — what an IRI must be for every RDF syntax to carry it.
 *
 * Turtle, N-Triples, RDF/XML and JSON-LD readers all refuse an IRI with a
 * space, a control character or one of <>"{}|^`\ in it, and relative IRIs
 * mean nothing outside their file. A --base or a document URL that breaks
 * these rules would make a graph that its own loader rejects, so they are
 * checked (or repaired) before anything is written.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether `iri` is an absolute IRI: a scheme (a letter, then letters,
 * digits, '+', '-', '.'), ':', then valid UTF-8 without spaces, control
 * characters or <>"{}|^`\. The error says which character is wrong. */
gboolean nkg_iri_check (const char *iri, GError **error);

/* `iri` with every character an IRI may not hold percent-encoded, or NULL
 * when it has no scheme (nothing to anchor it). */
char *nkg_iri_repair (const char *iri);

/* Whether `iri` is a web link (http or https), the only kind a diagram
 * may make clickable. */
gboolean nkg_iri_is_web (const char *iri);

G_END_DECLS
