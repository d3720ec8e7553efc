/* reflow.h — hard-wrapped plain text back into paragraphs.
 *
 * Archives, e-mail feeds, wire services and PDF-to-text output break a
 * paragraph into lines of a fixed width. The rest of extract/ wants one
 * paragraph per line (document.h), so for such a text each line break is
 * classified: a paragraph break, or a break inside a paragraph that stands
 * for a space, for nothing ("India-⏎US": a compound's hyphen ended the
 * line), or for nothing with the hyphen gone ("agree-⏎ment": a word
 * hyphenated at the line's end). Nothing is rewritten here: the caller
 * joins the lines, so every byte of the result still maps to the source.
 *
 * A text is taken as hard-wrapped when many of its lines that run on into
 * the next end mid-sentence at nearly the same length. A break is a
 * paragraph break when the next line is indented past the text's body,
 * when the line is longer than the wrap width, or when the next line's
 * first word would have fitted on this line (a greedy wrapper only breaks
 * a line where the next word does not fit); blank lines are breaks, but
 * in double-spaced text (a blank line after every line) only two or more.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  NKG_BREAK_PARAGRAPH = 0, /* a real line break: the paragraph (or heading) ends */
  NKG_BREAK_SPACE,         /* a wrap between words: one space */
  NKG_BREAK_JOIN,          /* a wrap after a compound's hyphen or a dash: nothing */
  NKG_BREAK_UNHYPHENATE    /* a word hyphenated at the line end: hyphen and break go */
} NkgBreak;

/* One NkgBreak per line feed of `text` (`len` bytes), in order, or NULL
 * when the text is not hard-wrapped (then every line feed is a paragraph
 * break and nothing need be joined). *n_breaks is set to the number of
 * line feeds. */
guint8 *nkg_reflow_breaks (const char *text, gsize len, gsize *n_breaks);

G_END_DECLS
