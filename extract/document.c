/* document.c — cleaning an article (see document.h). */
#include "document.h"

#include <string.h>

#include "dates.h"
#include "extract.h"
#include "textutil.h"

/* Lines that are site furniture wherever they appear. */
static const char *furniture[] = {
  "loading...", "loading", "summarize", "open in app", "social footer", "comments",
  "accessibility links", "breaking news", "epaper", "city", "print", "advertisement",
  "share", "share this", "what's the story", "read more", "also read", "subscribe",
  "follow us", "skip to content", "sign in", "log in", "menu", "home", "listen",
  "watch", "top stories", "trending", "most read", "newsletter", "photo", "photos", "video",
  "file photo", "short url", "short link", "print this", "email this",
};

/* Labels a site puts before a headline: "News Release: Leaders sign …". */
static const char *headline_labels[] = { "news release:", "press release:", "media release:" };

/* Lines after which only other articles' teasers follow. */
static const char *tail_markers[] = {
  "related stories", "related news", "related content", "related articles",
  "related", "more stories", "you may also like", "recommended", "more from",
};

static gboolean
in_list (const char *lower, const char **list, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (lower, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_url (const char *s)
{
  return strstr (s, "://") || g_str_has_prefix (s, "www.") || strstr (s, ".com")
         || strstr (s, ".html");
}

/* Removes links inside a line: "never been… pic.twitter.com/x" keeps the words. */
static char *
strip_links (const char *line)
{
  /* Most lines have no link and single spaces between words: as they are. */
  gsize n = strlen (line);
  if (!strstr (line, "://") && !strstr (line, "pic.twitter.com") && !strstr (line, "  ")
      && (n == 0 || (line[0] != ' ' && line[n - 1] != ' ')))
    return g_strndup (line, n);
  g_auto (GStrv) words = g_strsplit (line, " ", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  for (guint i = 0; words[i]; i++)
    {
      if (!*words[i] || strstr (words[i], "pic.twitter.com") || strstr (words[i], "://"))
        continue;
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* TRUE when the line is nothing but a clock time ("11:20 am", "05:18 IST"). */
static gboolean
is_time_only (const char *s)
{
  const char *p = s;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p) || *p == ':' || *p == '.')
    p++;
  while (*p == ' ')
    p++;
  return *p == '\0' || g_ascii_strcasecmp (p, "am") == 0 || g_ascii_strcasecmp (p, "pm") == 0
         || g_ascii_strcasecmp (p, "ist") == 0 || g_ascii_strcasecmp (p, "gmt") == 0
         || g_ascii_strcasecmp (p, "utc") == 0;
}

/* A field of a metadata line ("By IANS | Updated: Jan 9, 2024 21:40 IST")
 * that carries only a date, a time or a stamp word. */
static gboolean
is_stamp_field (const char *f)
{
  char date[11];
  return nkg_date_find (f, date, NULL, NULL) || is_time_only (f)
         || g_str_has_prefix (f, "Updated") || g_str_has_prefix (f, "Published")
         || g_ascii_strcasecmp (f, "print") == 0;
}

/* "By Anil Sharma", "By Staff Reporter, New Delhi": a short line or field
 * naming the writer. A sentence ("By Friday, the two sides had …") is
 * longer or ends like one. */
static gboolean
is_byline (const char *f)
{
  /* The prefix first: the scan below starts after it, and a field of a
   * metadata line ("a|b") can be shorter than "By ". */
  if (!g_str_has_prefix (f, "By "))
    return FALSE;
  gsize n = strlen (f);
  /* "By IANS", "By AFP": a news agency is an organisation the article
   * names, so that byline stays. */
  gboolean agency = TRUE;
  for (const char *p = f + 3; *p && agency; p++)
    agency = g_ascii_isupper (*p) || *p == '-';
  return !agency && !nkg_text_words_over (f, 8) && !strchr (".!?:\"\u201d", f[n - 1]);
}

/* "Staff Writer", "Special Correspondent", "Senior Editor": a writer's
 * role on a line of its own. */
static gboolean
is_staff_role (const char *line)
{
  static const char *roles[] = { "reporter", "writer", "correspondent", "editor", "contributor", "" };
  if (nkg_text_words_over (line, 4) || strchr (line, '.'))
    return FALSE;
  g_autofree char *lower = nkg_text_lower (line);
  for (guint i = 0; *roles[i]; i++)
    if (g_str_has_suffix (lower, roles[i]))
      return TRUE;
  return FALSE;
}

/* "Jane Doe": two to four capitalised words and nothing else. */
static gboolean
is_bare_name (const char *line)
{
  g_auto (GStrv) words = g_strsplit (line, " ", -1);
  guint n = g_strv_length (words);
  if (n < 2 || n > 4)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gunichar first = g_utf8_get_char (words[i]);
      if (!g_unichar_isupper (first) || strpbrk (words[i], ",.:;|0123456789"))
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  guint off, len; /* a line's bytes in the source text */
} Span;

typedef struct {
  GPtrArray *lines; /* char*: kept paragraphs */
  GArray *spans;    /* Span: where each kept paragraph came from */
  char *date;
} Cleaner;

/* Whether `line`, with a date at bytes [s, e), opens with a dateline: a
 * place in capitals and a comma before the date ("SANTOS, Brazil, April
 * 3, 2011"), and a dash soon after it, past an agency in brackets. */
static gboolean
is_dated_dateline (const char *line, gsize s, gsize e)
{
  if (s < 4 || s > 60)
    return FALSE;
  const char *comma = strchr (line, ',');
  if (!comma || (gsize) (comma - line) >= s || comma - line < 2)
    return FALSE;
  for (const char *p = line; p < comma; p++)
    if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
      return FALSE;
  const char *rest = line + e;
  while (*rest == ' ' || *rest == ')' || *rest == ',')
    rest++;
  if (*rest == '(')
    {
      const char *close = strchr (rest, ')');
      if (!close || close - rest > 24)
        return FALSE;
      rest = close + 1;
      while (*rest == ' ')
        rest++;
    }
  return g_str_has_prefix (rest, "-") || g_str_has_prefix (rest, "\u2013") || g_str_has_prefix (rest, "\u2014")
         || g_str_has_prefix (rest, ":");
}

/* Reads a date off a header or dateline; returns the line without it, or
 * NULL when nothing of the line is content. */
static char *
take_metadata (Cleaner *c, const char *line, guint index)
{
  /* " date 2025-10-31 Title…": a scraper's header before the first line. */
  if (g_str_has_prefix (line, "date "))
    {
      char date[11];
      gsize s, e;
      if (nkg_date_find (line + 5, date, &s, &e) && s == 0)
        {
          if (!c->date)
            c->date = g_strdup (date);
          g_autofree char *rest = g_strdup (line + 5 + e);
          g_strstrip (rest);
          return *rest ? g_steal_pointer (&rest) : NULL;
        }
    }
  /* Only the top of the article carries its own date; later dates are news. */
  if (index > 12)
    return g_strdup (line);
  if (is_byline (line) && !strchr (line, '|'))
    {
      /* "By Anil Sharma, March 8, 2024" still dates the article. */
      char date[11];
      if (!c->date && nkg_date_find (line, date, NULL, NULL))
        c->date = g_strdup (date);
      /* "By Mara Lindqvist -": the writer is a person the article names;
       * "By Staff Reporter" names nobody. */
      g_autofree char *who = g_strndup (line + 3, strcspn (line + 3, ",|("));
      static const char *const dashes[] = { " -", " \u2013", " \u2014" };
      for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
        {
          char *d = strstr (who, dashes[i]);
          if (d)
            *d = '\0';
        }
      g_strstrip (who);
      if (is_bare_name (who) && !is_staff_role (who))
        return g_strconcat ("By ", who, NULL);
      return NULL;
    }
  if (strchr (line, '|'))
    {
      g_auto (GStrv) fields = g_strsplit (line, "|", -1);
      g_autoptr (GString) kept = g_string_new (NULL);
      for (guint i = 0; fields[i]; i++)
        {
          g_strstrip (fields[i]);
          char date[11];
          if (!c->date && nkg_date_find (fields[i], date, NULL, NULL))
            c->date = g_strdup (date);
          /* "By Staff Reporter | Mar 8, 2024": the byline names the
           * writer, not anyone in the story. */
          if (!*fields[i] || is_stamp_field (fields[i]) || is_byline (fields[i]))
            continue;
          if (kept->len)
            g_string_append (kept, " | ");
          g_string_append (kept, fields[i]);
        }
      return kept->len ? g_string_free (g_steal_pointer (&kept), FALSE) : NULL;
    }
  char date[11];
  gsize s, e;
  if (nkg_date_find (line, date, &s, &e))
    {
      g_autofree char *rest = g_strdup (line + e);
      g_strstrip (rest);
      gboolean stamp = s <= 10 && (is_time_only (rest) || !*rest);
      if (stamp || (s == 0 && strlen (line) < 40))
        {
          if (!c->date)
            c->date = g_strdup (date);
          return NULL;
        }
      /* "SANTOS, Brazil, April 3, 2011 (AP) - …": a dateline's date
       * dates the article; the line stays. */
      if (!c->date && is_dated_dateline (line, s, e))
        c->date = g_strdup (date);
    }
  return g_strdup (line);
}

/* A headline: short, no closing full stop, not a dateline. */
static gboolean
is_headline (const char *line)
{
  gsize n = strlen (line);
  guint words = nkg_text_count_words (line);
  if (words < 3 || words > 25 || n == 0)
    return FALSE;
  char last = line[n - 1];
  /* A post's signature "— Name (@handle) date", a photo caption ("File
   * image of …") or a masthead with a handle is no headline. */
  if (strchr (line, '@') || g_str_has_prefix (line, "\u2014") || g_str_has_prefix (line, "- ")
      || g_str_has_prefix (line, "File ") || g_str_has_prefix (line, "Photo") || g_str_has_prefix (line, "Image"))
    return FALSE;
  return last != '.' && last != ':' && !g_str_has_prefix (line, "By ");
}

/* "- Bangladesh factory fire leaves 16 dead": a teaser list item. */
static gboolean
is_teaser_bullet (const char *line)
{
  if (!(g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "\u2022 ")))
    return FALSE;
  gsize n = strlen (line);
  return n && !strchr (".!?\"\u201d", line[n - 1]);
}

/* "Lima, Mar 4 Trade Minister Elena Vargas … Fund ...": a teaser
 * cut off where a later paragraph goes on. */
static gboolean
is_cut_teaser (const char *line, GPtrArray *all, guint self)
{
  gsize n = strlen (line);
  gsize cut = 0;
  if (g_str_has_suffix (line, "..."))
    cut = 3;
  else if (g_str_has_suffix (line, "\u2026"))
    cut = strlen ("\u2026");
  if (!cut || n - cut < 20)
    return FALSE;
  g_autofree char *prefix = g_strndup (line, n - cut);
  g_strchomp (prefix);
  for (guint i = 0; i < all->len; i++)
    if (i != self && g_str_has_prefix (g_ptr_array_index (all, i), prefix))
      return TRUE;
  return FALSE;
}

/* One line made uniform: valid UTF-8, NFC, the spaces news pastes
 * (non-breaking, thin, tabs) as plain spaces, zero-width marks gone. */
static char *
normalise_line (const char *bytes, gsize len)
{
  /* ASCII is valid and in NFC already: only tabs change. */
  if (nkg_text_is_ascii (bytes, (gssize) len))
    {
      char *s = g_strndup (bytes, len);
      for (char *p = s; *p; p++)
        if (*p == '\t')
          *p = ' ';
      return s;
    }
  /* Most lines of news are valid and in NFC already (curly quotes, dashes,
   * Latin accents): normalising them was a tenth of extraction. */
  gboolean stable = nkg_text_nfc_stable (bytes, len);
  g_autofree char *valid = stable ? g_strndup (bytes, len) : g_utf8_make_valid (bytes, len);
  g_autofree char *nfc = stable ? NULL : nkg_text_nfc (valid, -1);
  /* Every change makes the line shorter or leaves it: one buffer of its
   * length, without appending character by character. */
  const char *src = nfc ? nfc : valid;
  char *out = g_malloc (strlen (src) + 1), *o = out;
  for (const char *p = src; *p;)
    {
      if ((guchar) *p < 0x80)
        {
          *o++ = *p == '\t' ? ' ' : *p;
          p++;
          continue;
        }
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      if (c == 0x00A0 || c == 0x2009 || c == 0x202F)
        *o++ = ' ';
      else if (c == 0xFEFF || c == 0x200B)
        ;
      else /* valid UTF-8: its own bytes are its encoding */
        {
          memcpy (o, p, (gsize) (next - p));
          o += next - p;
        }
      p = next;
    }
  *o = '\0';
  return out;
}

static gboolean
is_space_like (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x2009 || c == 0x202F || g_unichar_isspace (c);
}

/* Maps each byte of a clean line back into the source line it came from.
 * Cleaning only deletes (furniture fields, links, marks) and turns odd
 * spaces into plain ones, so the clean line is matched against the source
 * left to right; a space may also stand for nothing (" | " joins). */
static void
align_line (const char *clean, gsize clen, const char *src, gsize slen, guint base, guint *map)
{
  gsize j = 0;
  for (gsize i = 0; i < clen;)
    {
      /* Mostly the same ASCII byte on both sides: the search below would
       * stop at once on it. */
      guchar a = (guchar) clean[i];
      if (a && a < 0x80 && j < slen && src[j] == clean[i])
        {
          map[i++] = base + (guint) j++;
          continue;
        }
      gunichar c = g_utf8_get_char (clean + i);
      gsize cl = g_utf8_next_char (clean + i) - (clean + i);
      gsize k = j;
      while (k < slen)
        {
          gunichar d = g_utf8_get_char_validated (src + k, slen - k);
          if (d == c || (c == ' ' && is_space_like (d)))
            break;
          gsize step = (d == (gunichar) -1 || d == (gunichar) -2) ? 1 : (gsize) (g_utf8_next_char (src + k) - (src + k));
          k += step;
        }
      if (k < slen)
        {
          gsize dl = g_utf8_next_char (src + k) - (src + k);
          for (gsize b = 0; b < cl; b++)
            map[i + b] = base + (guint) (k + MIN (b, dl - 1));
          j = k + dl;
        }
      else
        for (gsize b = 0; b < cl; b++)
          map[i + b] = base + (guint) MIN (j, slen ? slen - 1 : 0);
      i += cl;
    }
}

gboolean
nkg_document_source_span (const NkgDocument *doc, gsize start, gsize end, gsize *src_start,
                          gsize *src_end)
{
  if (!doc->map || start >= end || end > doc->map_len)
    return FALSE;
  *src_start = doc->map[start];
  gsize last = doc->map[end - 1];
  if (!doc->source || last >= doc->source_len)
    return FALSE;
  *src_end = g_utf8_next_char (doc->source + last) - doc->source;
  if (*src_end > doc->source_len)
    *src_end = doc->source_len;
  return *src_start < *src_end;
}

NkgDocument *
nkg_document_new (const char *bytes, gsize len, GError **error)
{
  if (memchr (bytes, '\0', len))
    {
      g_set_error (error, NKG_EXTRACT_ERROR, NKG_EXTRACT_ERROR_ENCODING,
                   "contains NUL bytes: not a text file");
      return NULL;
    }
  Cleaner c = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (Span)),
                NULL };
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint index = 0;
  for (gsize at = 0; at <= len;)
    {
      gsize stop = at;
      while (stop < len && bytes[stop] != '\n' && bytes[stop] != '\r')
        stop++;
      Span span = { (guint) at, (guint) (stop - at) };
      gsize next = stop + 1;
      if (stop + 1 < len && bytes[stop] == '\r' && bytes[stop + 1] == '\n')
        next++;
      at = next;
      g_autofree char *raw = normalise_line (bytes + span.off, span.len);
      char *line = g_strstrip (raw);
      /* "> " quotes a post in some scrapes; the words are the article's. */
      while (line[0] == '>' && line[1] == ' ')
        line = g_strstrip (line + 1);
      if (!*line)
        continue;
      for (gsize l = 0; l < G_N_ELEMENTS (headline_labels); l++)
        if (g_ascii_strncasecmp (line, headline_labels[l], strlen (headline_labels[l])) == 0)
          line = g_strstrip (line + strlen (headline_labels[l]));
      if (!*line)
        continue;
      g_autofree char *lower = nkg_text_lower (line);
      if (in_list (lower, tail_markers, G_N_ELEMENTS (tail_markers)))
        break;
      if (in_list (lower, furniture, G_N_ELEMENTS (furniture))
          || g_str_has_prefix (lower, "disclaimer:") || is_time_only (line)
          || is_teaser_bullet (line) || (!strchr (line, ' ') && looks_like_url (line)))
        continue;
      g_autofree char *unlinked = strip_links (line);
      g_autofree char *kept = take_metadata (&c, unlinked, index++);
      /* Scraps ("Cl", "N") left where a page was cut. */
      if (!kept || strlen (kept) < 4)
        continue;
      /* "Jane Doe" over "Staff Writer": a byline in two lines, both out. */
      if (index <= 13 && is_staff_role (kept))
        {
          const char *last = c.lines->len ? g_ptr_array_index (c.lines, c.lines->len - 1) : NULL;
          if (last && is_bare_name (last))
            {
              g_hash_table_remove (seen, last);
              g_ptr_array_remove_index (c.lines, c.lines->len - 1);
              g_array_remove_index (c.spans, c.spans->len - 1);
            }
          continue;
        }
      if (g_hash_table_contains (seen, kept))
        continue;
      g_hash_table_add (seen, kept);
      g_ptr_array_add (c.lines, g_steal_pointer (&kept));
      g_array_append_val (c.spans, span);
    }
  NkgDocument *doc = g_new0 (NkgDocument, 1);
  doc->date = c.date;
  doc->source = bytes;
  doc->source_len = len;
  GString *out = g_string_new (NULL);
  /* Cleaning mostly deletes: the text rarely outgrows the source. */
  GArray *map = g_array_sized_new (FALSE, FALSE, sizeof (guint), (guint) len + 1);
  gboolean past_lead = FALSE;
  for (guint i = 0; i < c.lines->len; i++)
    {
      const char *line = g_ptr_array_index (c.lines, i);
      const Span *span = &g_array_index (c.spans, Span, i);
      if (is_cut_teaser (line, c.lines, i))
        continue;
      /* A headline comes before the story, not after its first paragraph;
       * "Site | @handle" lines are mastheads. */
      if (!doc->title && i < 4 && !past_lead && is_headline (line) && !strstr (line, " | ")
          && !g_str_has_prefix (line, "Reporting by") && !g_str_has_prefix (line, "(Reporting"))
        doc->title = g_strdup (line);
      gsize n = strlen (line);
      if (nkg_text_words_over (line, 25) || (n && line[n - 1] == '.'))
        past_lead = TRUE;
      if (out->len)
        {
          /* The line break stands where the previous line ended. */
          guint prev_end = span->off ? span->off - 1 : 0;
          g_array_append_val (map, prev_end);
          g_string_append_c (out, '\n');
        }
      gsize at = map->len;
      g_array_set_size (map, at + n);
      align_line (line, n, bytes + span->off, span->len, span->off, &g_array_index (map, guint, at));
      g_string_append (out, line);
    }
  doc->text = g_string_free (out, FALSE);
  doc->map_len = map->len;
  doc->map = (guint *) g_array_free (map, FALSE);
  g_ptr_array_unref (c.lines);
  g_array_unref (c.spans);
  return doc;
}

void
nkg_document_free (NkgDocument *doc)
{
  if (!doc)
    return;
  g_free (doc->text);
  g_free (doc->map);
  g_free (doc->title);
  g_free (doc->date);
  g_free (doc);
}
