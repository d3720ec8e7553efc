/* meta.h — metadata values as sources write them, made uniform.
 *
 * Dates come as ISO 8601, RFC 822 (feeds), "March 4, 2025", or seconds
 * since 1970 (JSON); URLs come relative, with spaces, or in schemes that
 * are no web address; titles carry runs of white space and line breaks.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* "YYYY-MM-DD" for a date written in any of the forms above, as the
 * source wrote it (its own time zone, not converted); NULL when it is no
 * valid date. */
char *nkg_meta_date (const char *value);

/* The same for seconds (or, above 10^11, milliseconds) since 1970, UTC. */
char *nkg_meta_date_from_epoch (gint64 seconds);

/* An absolute http(s) URL for `value`, resolved against `base` when it is
 * relative (base may be NULL); NULL when there is none. */
char *nkg_meta_url (const char *value, const char *base);

/* `value` with runs of white space folded to one space and trimmed; NULL
 * when nothing is left. */
char *nkg_meta_clean (const char *value);

/* A person or organisation as JSON-LD and news APIs write it: a name, an
 * object with a "name", or a list of either, cleaned and joined by ", ";
 * NULL when there is none (n may be NULL). */
char *nkg_meta_json_names (JsonNode *n);

/* Whether JSON text nests arrays and objects deeper than `max`: json-glib
 * 1.6 recurses once per level and overflows the stack on a few hundred
 * thousand, so readers refuse such text before parsing it. */
gboolean nkg_meta_json_too_deep (const char *json, gsize len, guint max);

/* Deeper than any real record or JSON-LD block. */
#define NKG_JSON_MAX_DEPTH 512

G_END_DECLS
