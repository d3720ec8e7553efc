/* The same article gives the same facts whatever its plain-text layout:
 * hard-wrapped (as archives, e-mail feeds, wire copy and PDF-to-text
 * have it), double-spaced, with indented paragraphs, words hyphenated at line ends, soft
 * hyphens, word joiners, quotation marks curled without regard to side,
 * blank lines gone. Each copy is made here from one invented article
 * (tools/perturb.py makes the same copies of whole eval sets), and its
 * facts — entities, relations, quotes, by name — must be the original's;
 * its evidence must still be characters of the copy as given. */
#include "test-extract-helpers.h"

static const char article[] =
  "Kenya and Ghana sign fisheries agreement in Nairobi\n"
  "\n"
  "NAIROBI, Kenya (Wire) - Kenyan Foreign Minister Adaline Mwangiro and Ghanaian Foreign Minister "
  "Kwesi Ampofo-Darko signed a fisheries agreement on Tuesday in Nairobi, ending a decade of "
  "disagreement over licensing of foreign trawlers along the coast of West Africa.\n"
  "\n"
  "The agreement, which replaces the earlier 2009 memorandum, sets out joint inspections, shared "
  "catch statistics and a commission that will meet twice a year. It will run for ten years.\n"
  "\n"
  "\"This agreement shows what two governments can achieve when they listen to the fishing "
  "communities. Our coastal towns have waited a long time for this,\" Mwangiro told reporters after "
  "the ceremony at State House.\n"
  "\n"
  "Ampofo-Darko said the commission would begin its work within three months. 'We are determined "
  "to protect the livelihoods of our fishermen,' he said.\n"
  "\n"
  "Before the signing, Mwangiro met Ampofo-Darko and the co-founder of the Coastal Fishers Network, "
  "Esther Wanjiru-Odhiambo, to discuss the implementation of the accord and the environmental "
  "responsibilities of both countries.\n"
  "\n"
  "The two ministers also attended the East African Blue Economy Forum in Nairobi on Wednesday, "
  "where the Ghanaian delegation presented its experience with community management of fisheries.\n";

/* ---------------------------------------------------------- the copies */

typedef enum {
  WRAP_PLAIN,      /* paragraphs kept apart by their blank lines */
  WRAP_INDENTED,   /* first lines indented, no blank lines */
  WRAP_HYPHENATED  /* a long word that does not fit is cut with a hyphen */
} WrapStyle;

static gboolean
is_lower_word (const char *w, gsize *letters)
{
  gsize n = 0;
  while (g_ascii_islower (w[n]))
    n++;
  *letters = n;
  for (const char *p = w + n; *p; p++)
    if (g_ascii_isalnum (*p))
      return FALSE;
  return n >= 8;
}

/* Each paragraph (line) filled greedily to `width` characters, the way
 * fmt, mail clients and Python's textwrap do. */
static char *
wrap (const char *text, guint width, WrapStyle style)
{
  g_auto (GStrv) paras = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  for (guint i = 0; paras[i]; i++)
    {
      if (!*paras[i])
        {
          if (style != WRAP_INDENTED && paras[i + 1])
            g_string_append_c (out, '\n');
          continue;
        }
      g_auto (GStrv) words = g_strsplit (paras[i], " ", -1);
      GString *line = g_string_new (style == WRAP_INDENTED ? "    " : "");
      for (guint k = 0; words[k]; k++)
        {
          const char *w = words[k];
          glong have = g_utf8_strlen (line->str, -1), need = g_utf8_strlen (w, -1);
          gboolean empty = line->len == 0 || (style == WRAP_INDENTED && k == 0);
          if (empty || have + 1 + need <= (glong) width)
            {
              if (!empty)
                g_string_append_c (line, ' ');
              g_string_append (line, w);
              continue;
            }
          gsize letters;
          glong room = (glong) width - have - 2;
          if (style == WRAP_HYPHENATED && is_lower_word (w, &letters) && room >= 3)
            {
              gsize cut = MIN ((gsize) room, letters - 3);
              g_string_append_printf (line, " %.*s-", (int) cut, w);
              g_string_append_printf (out, "%s\n", line->str);
              g_string_assign (line, w + cut);
              continue;
            }
          g_string_append_printf (out, "%s\n", line->str);
          g_string_assign (line, w);
        }
      g_string_append_printf (out, "%s\n", line->str);
      g_string_free (line, TRUE);
    }
  return g_string_free (out, FALSE);
}

/* `mark` put into every word of at least `min` letters, after `at`
 * letters (0: in its middle). */
static char *
mark_words (const char *text, const char *mark, gsize min, gsize at)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p;)
    {
      gsize n = 0;
      while (g_ascii_isalpha (p[n]))
        n++;
      if (n >= min)
        {
          gsize cut = at ? at : n / 2;
          g_string_append_len (out, p, (gssize) cut);
          g_string_append (out, mark);
          g_string_append_len (out, p + cut, (gssize) (n - cut));
          p += n;
        }
      else if (n)
        {
          g_string_append_len (out, p, (gssize) n);
          p += n;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Curly marks put in without looking at their side, as a careless
 * converter does: every ' a right single mark, a " before a letter a
 * left double mark, any other " a right one. */
static char *
curl_blindly (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    {
      if (*p == '\'')
        g_string_append (out, "\u2019");
      else if (*p == '"')
        g_string_append (out, g_ascii_isalnum (p[1]) ? "\u201c" : "\u201d");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Double spacing: a blank line after every line, so paragraphs have
 * two or more between them. */
static char *
double_space (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '\n')
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
drop_blank_lines (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    if (!(*p == '\n' && p[1] == '\n'))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------ the facts */

static int
cmp_str (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Every fact by names: entities with their class, relations by their
 * ends' names, quotes by speaker and words (white space folded). */
static GPtrArray *
facts_by_name (NkgDocFacts *f)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < f->entities->len; i++)
    {
      NkgLocalEntity *e = g_ptr_array_index (f->entities, i);
      g_ptr_array_add (out, g_strdup_printf ("entity %d %s", e->klass, e->name));
    }
  for (guint i = 0; i < f->facts->len; i++)
    {
      NkgLocalFact *x = g_ptr_array_index (f->facts, i);
      NkgLocalEntity *s = g_ptr_array_index (f->entities, x->subject);
      const char *o = x->literal ? x->literal : ((NkgLocalEntity *) g_ptr_array_index (f->entities, x->object))->name;
      g_ptr_array_add (out, g_strdup_printf ("fact %s | %d | %s", s->name, x->prop, o));
    }
  for (guint i = 0; i < f->quotes->len; i++)
    {
      NkgLocalQuote *q = g_ptr_array_index (f->quotes, i);
      NkgLocalEntity *s = g_ptr_array_index (f->entities, q->speaker);
      g_auto (GStrv) words = g_strsplit_set (q->text, " \n\t", -1);
      GString *t = g_string_new (NULL);
      for (guint k = 0; words[k]; k++)
        if (*words[k])
          g_string_append_printf (t, "%s%s", t->len ? " " : "", words[k]);
      g_ptr_array_add (out, g_strdup_printf ("quote %s: %s", s->name, t->str));
      g_string_free (t, TRUE);
    }
  g_ptr_array_sort (out, cmp_str);
  return out;
}

static gboolean
contains (GPtrArray *sorted, const char *s)
{
  for (guint i = 0; i < sorted->len; i++)
    if (strcmp (g_ptr_array_index (sorted, i), s) == 0)
      return TRUE;
  return FALSE;
}

/* Each evidence sentence is characters [start, end) of the text given. */
static void
assert_evidence_in (NkgDocFacts *f, const char *text)
{
  for (guint i = 0; i < f->evidence->len; i++)
    {
      NkgLocalEvidence *ev = g_ptr_array_index (f->evidence, i);
      g_autofree char *cut = g_utf8_substring (text, ev->start, ev->end);
      g_assert_cmpstr (cut, ==, ev->text);
    }
}

static void
assert_same_facts (gconstpointer data)
{
  const char *mode = data;
  g_autofree char *copy = NULL;
  if (strcmp (mode, "wrap60") == 0)
    copy = wrap (article, 60, WRAP_PLAIN);
  else if (strcmp (mode, "wrap72") == 0)
    copy = wrap (article, 72, WRAP_PLAIN);
  else if (strcmp (mode, "wrap80") == 0)
    copy = wrap (article, 80, WRAP_PLAIN);
  else if (strcmp (mode, "indented") == 0)
    copy = wrap (article, 70, WRAP_INDENTED);
  else if (strcmp (mode, "hyphenated") == 0)
    copy = wrap (article, 66, WRAP_HYPHENATED);
  else if (strcmp (mode, "soft-hyphens") == 0)
    copy = mark_words (article, "\u00ad", 7, 0);
  else if (strcmp (mode, "word-joiners") == 0)
    copy = mark_words (article, "\u2060", 5, 2);
  else if (strcmp (mode, "double-spaced") == 0)
    {
      g_autofree char *wrapped = wrap (article, 72, WRAP_PLAIN);
      copy = double_space (wrapped);
    }
  else if (strcmp (mode, "curled-blindly") == 0)
    copy = curl_blindly (article);
  else if (strcmp (mode, "no-blank-lines") == 0)
    copy = drop_blank_lines (article);
  g_assert_nonnull (copy);
  g_assert_cmpstr (copy, !=, article);
  g_autoptr (NkgDocFacts) f0 = extract_string (article);
  g_autoptr (NkgDocFacts) f1 = extract_string (copy);
  g_autoptr (GPtrArray) want = facts_by_name (f0);
  g_autoptr (GPtrArray) got = facts_by_name (f1);
  guint differ = 0;
  for (guint i = 0; i < want->len; i++)
    if (!contains (got, g_ptr_array_index (want, i)))
      {
        g_test_message ("%s lost: %s", mode, (const char *) g_ptr_array_index (want, i));
        differ++;
      }
  for (guint i = 0; i < got->len; i++)
    if (!contains (want, g_ptr_array_index (got, i)))
      {
        g_test_message ("%s added: %s", mode, (const char *) g_ptr_array_index (got, i));
        differ++;
      }
  g_assert_cmpuint (differ, ==, 0);
  assert_evidence_in (f1, copy);
}

/* The original gives what the comparisons are about. */
static void
test_original (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (article);
  g_assert_true (has_fact_text (f, "Adaline Mwangiro | signed | fisheries agreement"));
  g_assert_true (has_fact_text (f, "Kwesi Ampofo-Darko | signed | fisheries agreement"));
  g_assert_true (has_fact_text (f, "fisheries agreement | signedIn | Nairobi"));
  g_assert_true (has_fact_text (f, "Esther Wanjiru-Odhiambo | jobTitle | co-founder"));
  g_assert_true (has_quote (f, "Adaline Mwangiro", "waited a long time for this"));
  g_assert_true (has_quote (f, "Kwesi Ampofo-Darko", "livelihoods of our fishermen"));
  assert_evidence_in (f, article);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setup_lexicon ();
  g_test_add_func ("/extract/layout/original", test_original);
  static const char *const modes[] = { "wrap60", "wrap72", "wrap80", "indented", "hyphenated", "soft-hyphens",
                                       "word-joiners", "double-spaced", "curled-blindly", "no-blank-lines" };
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/extract/layout/%s", modes[i]);
      g_test_add_data_func (path, modes[i], assert_same_facts);
    }
  int r = g_test_run ();
  nkg_lexicon_free (test_lexicon);
  return r;
}
