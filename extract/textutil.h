/* textutil.h — small string helpers shared by the extraction stages.
 *
 * Keys for lexicon lookups fold away what news spells inconsistently
 * (accents, curly apostrophes, en dashes) so "Bogotá" finds "Bogota".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lookup key: ASCII transliteration, straight apostrophes, '-' for dashes,
 * single spaces. Case is kept: "US" and "us" differ. */
char *nkg_text_key (const char *s);

/* Number of space-separated words. */
guint nkg_text_count_words (const char *s);

/* TRUE when `s` has letters and none is lower case. */
gboolean nkg_text_is_upper (const char *s);

/* "ISTANBUL" → "Istanbul", "NEW DELHI" → "New Delhi". */
char *nkg_text_titlecase (const char *s);

/* Collapses runs of white space to one space and trims. */
char *nkg_text_squeeze (const char *s);

G_END_DECLS
