/* html.h — a web page's article: its main text and what the page says
 * about it.
 *
 * The text is what a reader of the page reads as the article: the
 * headline and the body's paragraphs, a blank line between blocks, with
 * menus, scripts, share bars, comments, related-story lists and bylines
 * left out (rules in input/data/input.ini, [html]). The body is found the
 * way readability-style extractors do it: the page's own markers of the
 * article body first (itemprop=articleBody, <article>, <main>), else the
 * block whose paragraphs carry the most text with the fewest links.
 * Metadata comes from JSON-LD (schema.org NewsArticle), Open Graph and
 * other <meta> tags, <link rel=canonical> and <title>.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *text;     /* the article text (may be empty), UTF-8 */
  char *title;    /* headline, or NULL */
  char *date;     /* YYYY-MM-DD, or NULL */
  char *url;      /* canonical http(s) URL, or NULL */
  char *author;   /* or NULL */
  char *language; /* the page's lang attribute, or NULL */
} NkgHtml;

typedef enum {
  NKG_HTML_PAGE,     /* a whole page: find the article in it */
  NKG_HTML_FRAGMENT, /* markup that is all article (a feed item's content) */
} NkgHtmlMode;

/* Reads UTF-8 markup. `base` resolves relative URLs (may be NULL). */
NkgHtml *nkg_html_read (const char *utf8, gsize len, NkgHtmlMode mode, const char *base);
void nkg_html_free (NkgHtml *html);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgHtml, nkg_html_free)

/* The charset a page declares in its first bytes (<meta charset>, an
 * http-equiv Content-Type, an XML declaration), or NULL. */
char *nkg_html_declared_charset (const guchar *head, gsize len);

/* Whether a string from a feed or JSON record is markup rather than
 * plain text (it closes a tag, or breaks lines with <br>/<p>). */
gboolean nkg_html_is_markup (const char *text, gsize len);

G_END_DECLS
