/* names.h — comparing and slugging names.
 *
 * One notion of "the same name" for merging entities, finding them from
 * the CLI and minting IRIs: case-folded, accents removed, punctuation
 * dropped (dashes and slashes split words), single spaces.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "S. Jaishankar" → "s jaishankar"; "Meeting–Plus" → "meeting plus". */
char *nkg_name_key (const char *name);

/* IRI path segment: "Rajnath Singh" → "rajnath-singh"; never empty. */
char *nkg_name_slug (const char *name);

/* Whether a word of a name key says what kind of thing an agreement or
 * event is rather than which one: "the", "agreement", "framework", "new". */
gboolean nkg_name_is_generic_word (const char *word);

/* Words of a name key that are not generic. */
guint nkg_name_key_content_words (const char *key);

/* Number of words in a name key. */
guint nkg_name_key_words (const char *key);

/* Edit distance between two UTF-8 strings (by character), capped at `max`+1. */
guint nkg_name_distance (const char *a, const char *b, guint max);

G_END_DECLS
