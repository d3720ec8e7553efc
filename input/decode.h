/* decode.h — bytes in whatever encoding they came in, to UTF-8.
 *
 * Order of evidence: a byte-order mark (always right), then the encoding
 * the container declared (an HTTP header, a <meta charset>), then the
 * shape of UTF-16 without a mark, then valid UTF-8, then uchardet's guess
 * for legacy single-byte and East Asian encodings. Names as iconv knows
 * them ("UTF-8", "WINDOWS-1252", "UTF-16LE").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* UTF-8 bytes of `bytes` (not yet repaired or normalised: that is
 * nkg_article_set_text's job), with the encoding used in *encoding.
 * `declared` may be NULL. Never fails: what cannot be converted is
 * read as Latin-1, which maps every byte. */
char *nkg_decode (const char *bytes, gsize len, const char *declared, gsize *out_len,
                  char **encoding);

/* g_utf8_validate (s, len, NULL), the same answer (NUL bytes included
 * are invalid), with runs of ASCII checked eight bytes at a time: pages
 * are mostly ASCII, and each is validated on every read. */
gboolean nkg_decode_is_utf8 (const char *s, gsize len);

/* The encoding a byte-order mark at the start names, its length in
 * *bom_len; NULL without a mark. */
const char *nkg_decode_bom (const guchar *bytes, gsize len, gsize *bom_len);

/* "UTF-16LE"/"UTF-16BE" when the bytes have the NUL pattern of mostly
 * ASCII text in UTF-16 without a mark; NULL otherwise. */
const char *nkg_decode_utf16_shape (const guchar *bytes, gsize len);

/* The iconv name for a declared charset label ("latin1" → "WINDOWS-1252",
 * as browsers read it), or NULL when iconv does not know it. */
char *nkg_decode_charset_name (const char *label);

G_END_DECLS
