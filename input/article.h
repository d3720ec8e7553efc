/* article.h — one article as the input layer hands it to extract/.
 *
 * Whatever the format it came in (plain text, HTML, a feed item, a JSON
 * record, a WARC record), an article is its text plus what the source said
 * about it. The text is what every evidence offset counts into and what
 * `newskg text` prints: valid UTF-8, NFC, line ends as '\n', no byte-order
 * mark. Nothing else is changed: for a plain UTF-8 text file with '\n' line
 * ends, the text is the file.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NKG_INPUT_ERROR (nkg_input_error_quark ())
GQuark nkg_input_error_quark (void);

typedef enum {
  NKG_INPUT_ERROR_ENCODING, /* not text at all (NUL bytes in what should be text) */
  NKG_INPUT_ERROR_FORMAT,   /* a container or markup that cannot be read */
} NkgInputError;

typedef struct {
  char *text;     /* the article text, see above */
  gsize len;      /* its length in bytes */
  char *source;   /* where it was read from, as dcterms:source says it */
  char *format;   /* "text", "html", "json", "rss", "atom", "warc" … */
  char *title;    /* headline from the source's metadata, or NULL */
  char *date;     /* YYYY-MM-DD from the source's metadata, or NULL */
  char *url;      /* the article's own URL, or NULL */
  char *author;   /* or NULL */
  char *language; /* BCP 47 tag ("en"), or NULL when not known */
  char *encoding; /* the encoding the bytes were decoded from ("UTF-8") */
  char *content_key; /* PLAN D5: SHA-256 of the text with every run of white
                      * space folded to one space and trimmed, so the same
                      * article laid out differently (a page, a feed item, a
                      * text file) is known as one; set with the text */
} NkgArticle;

NkgArticle *nkg_article_new (const char *source, const char *format);
void nkg_article_free (NkgArticle *article);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgArticle, nkg_article_free)

/* Sets the article's text from UTF-8 bytes: invalid sequences become
 * U+FFFD, a leading byte-order mark is dropped, "\r\n" and "\r" become
 * "\n", and the result is NFC. Fails on NUL bytes (not text). */
gboolean nkg_article_set_text (NkgArticle *article, const char *bytes, gsize len,
                               GError **error);

/* A plain-text article from a file's bytes (format "text"). */
NkgArticle *nkg_article_new_from_text (const char *source, const char *bytes, gsize len,
                                       GError **error);

/* SHA-256 of the text, lower-case hex: the document's identity. */
char *nkg_article_sha256 (const NkgArticle *article);

/* The content key (see NkgArticle.content_key) of any UTF-8 text: what a
 * merge of shards compares to apply the same duplicate rule. */
char *nkg_content_key (const char *text, gsize len);

G_END_DECLS
