/* rules.h — the input layer's rules as data (input/data/input.ini).
 *
 * Suffix hints, folder rules, binary signatures, the HTML furniture
 * vocabulary, meta keys and JSON field names live in one key file compiled
 * into the binary; readers ask for them by group and key. Loaded once,
 * read-only afterwards, so any thread may ask.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The list under [group] key, in file order; an empty list when absent. */
const char *const *nkg_rules_list (const char *group, const char *key);

/* Whether `word` is in the list (ASCII case-insensitive). */
gboolean nkg_rules_has (const char *group, const char *key, const char *word);

/* Whether one of the list's items occurs in `lower` (already lower case). */
gboolean nkg_rules_any_in (const char *group, const char *key, const char *lower);

/* Whether HTML class and id values (`lower`, lower case, space-separated)
 * name one of the list's items. Values are split into words at spaces,
 * '-' and '_'; an item of up to three letters must be a whole word ("ad"
 * in "ad-slot", not in "lead-image" or "head"), a longer one may start a
 * word ("advert" in "advertisement", "related" in "relatedstories"), and
 * an item with a '-' or '_' is looked for as it stands ("most-popular"). */
gboolean nkg_rules_names_class (const char *group, const char *key, const char *lower);

/* The file name's suffix after any compression suffix, lower case, or
 * NULL ("a.warc.gz" → "warc", "a.gz" → NULL, "notes" → NULL). */
char *nkg_rules_suffix (const char *name);

/* Whether `head` starts with a signature under [binary] magic. */
gboolean nkg_rules_is_binary (const guchar *head, gsize len);

G_END_DECLS
