/* reader.h — one reader per input format, in one table.
 *
 * As Raptor registers its parsers, each format is a row: a name, a line
 * of description, a sniff function that scores content, and a read
 * function that yields articles. The layer picks the row whose sniff
 * scores the source's first bytes highest; the file name only lifts a
 * format the content already allows (content first, name second).
 *
 * Readers never print and never decide what is a duplicate or which
 * language to keep: they hand each article to nkg_read_emit and report
 * what they skip with nkg_read_skip; the layer (input.c) does the rest.
 */
#pragma once

#include <glib.h>

#include "article.h"
#include "source.h"

G_BEGIN_DECLS

typedef struct _NkgReadContext NkgReadContext;

typedef struct {
  const char *name;        /* "html": what --input-format and --verbose call it */
  const char *description; /* one line for the manual */
  /* 0 (not this format) … 100 (certain), from the content alone. */
  guint (*sniff) (const guchar *head, gsize len);
  gboolean (*read) (NkgReadContext *ctx, NkgSource *src, GError **error);
} NkgReader;

/* Every reader, in table order (ties in sniffing go to the earlier). */
const NkgReader *const *nkg_readers (void);
const NkgReader *nkg_reader_lookup (const char *name);

/* The best reader for a source's head and file name; NULL when none
 * scores at least `min_score`. A name with a reader's suffix (per
 * input.ini [suffixes]) adds 10 to a score above 0. Inside folders a text
 * file named like code, RDF or notes scores 0 ([folders] not-articles). */
const NkgReader *nkg_reader_sniff (const guchar *head, gsize len, const char *name,
                                   gboolean in_folder, guint *score);

/* --- what readers call (implemented by the layer, input.c) --- */

/* Hands over an article (taken). FALSE when the caller wants no more. */
gboolean nkg_read_emit (NkgReadContext *ctx, NkgArticle *article);
/* A record or item inside a source that holds no article, in one line:
 * `warn` for what a user should hear of (a record that cannot be read),
 * not for what is expected (an image in a web archive). */
void nkg_read_skip (NkgReadContext *ctx, const char *source, gboolean warn, const char *fmt, ...)
    G_GNUC_PRINTF (4, 5);
/* Reads bytes found inside a container (a WARC record, an archive
 * member) with `reader`, or with the reader their content calls for. */
gboolean nkg_read_nested (NkgReadContext *ctx, NkgSource *src, const char *reader, GError **error);
/* Options the caller set (e.g. "json-text"), or NULL. */
const char *nkg_read_option (NkgReadContext *ctx, const char *key);
/* Whether the caller asked to stop. */
gboolean nkg_read_stopped (NkgReadContext *ctx);

/* The largest article a reader takes into memory. */
#define NKG_READ_MAX_BYTES ((gsize) 256 << 20)

/* The readers (read-*.c). */
extern const NkgReader nkg_reader_warc;
extern const NkgReader nkg_reader_archive;
extern const NkgReader nkg_reader_feed;
extern const NkgReader nkg_reader_html;
extern const NkgReader nkg_reader_json;
extern const NkgReader nkg_reader_text;

/* Shared by readers: the head with a byte-order mark and leading white
 * space skipped. */
const guchar *nkg_read_skip_space (const guchar *head, gsize len, gsize *rest);

/* The headline followed by the body, as a text file of the article reads
 * (D1: formats that carry the headline apart from the body give the same
 * text as a page or a file that shows both); the body alone when it
 * already starts with the headline or there is none; "" when the body is
 * empty (a headline alone is no article). */
char *nkg_read_join_headline (const char *title, const char *body);

G_END_DECLS
