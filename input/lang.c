/* lang.c — see lang.h.
 *
 * libexttextcat's own classifier compares each text with all 170 of its
 * profiles, which costs more than reading the article; we compare with
 * the profiles input.ini lists, through its fingerprint API, the same way
 * (a text's n-gram ranks against each profile's, early exit past the best
 * score so far, every language within 3% of the best is a candidate).
 *
 * Most articles are plainly English, and making a fingerprint costs more
 * than all the comparisons (a hash table of every 1- to 5-gram of the
 * sample, then sorting). So a cheaper test comes first: when the sample is
 * long and a large share of its words are among English's commonest
 * (input.ini [language] english-words), the verdict is English without
 * n-grams. Only texts that fail it (short, other languages, mixed, code)
 * are fingerprinted. */
#include "lang.h"

#include "rules.h"

#include "extract/textutil.h"

#include <fingerprint.h>
#include <stdlib.h>
#include <string.h>

struct _NkgLang {
  char *dir;           /* where the profiles are */
  gsize loaded;        /* g_once: the profiles were tried */
  char *error;         /* why they could not be loaded (atomic) */
  GPtrArray *profiles; /* fingerprint handles */
  GPtrArray *codes;    /* char*: "en", "zh" */
  NkgWordIndex *english_index; /* common English words, lower case (keys not owned), looked up
                                * with a hash made while reading */
  guint english_min_words;
  double english_share;
};

/* Per text and per profile, as libexttextcat's classifier: the n-grams
 * kept, the margin within which languages tie, how many ties make the
 * verdict "unknown". */
#define MAX_NGRAMS 400
#define TIE_MARGIN 1.03
#define MAX_CANDIDATES 5

static gboolean
load_profiles (NkgLang *l, GError **error)
{
  for (const char *const *p = nkg_rules_list ("language", "profiles"); *p; p++)
    {
      g_autofree char *file = g_strdup_printf ("%s/%s.lm", l->dir, *p);
      void *fp = fp_Init (*p);
      fp_SetProperty (fp, TCPROP_UTF8AWARE, TC_TRUE);
      if (!fp_Read (fp, file, MAX_NGRAMS))
        {
          fp_Done (fp);
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                       "language profile %s cannot be read (Debian package libexttextcat-data)", file);
          return FALSE;
        }
      g_ptr_array_add (l->profiles, fp);
      g_ptr_array_add (l->codes, g_strndup (*p, strcspn (*p, "-")));
    }
  if (!l->profiles->len)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "no language profiles listed");
      return FALSE;
    }
  return TRUE;
}

/* Loads the profiles the first time any thread needs them (loading the
 * 56 profiles costs as much as reading a few articles, and long English
 * texts never need them); FALSE, with l->error set, when they cannot be
 * read. */
static gboolean
ensure_profiles (NkgLang *l)
{
  if (g_once_init_enter (&l->loaded))
    {
      g_autoptr (GError) error = NULL;
      if (!load_profiles (l, &error))
        {
          g_ptr_array_set_size (l->profiles, 0);
          g_ptr_array_set_size (l->codes, 0);
          g_atomic_pointer_set (&l->error, g_strdup (error->message));
        }
      g_once_init_leave (&l->loaded, 1);
    }
  return g_atomic_pointer_get (&l->error) == NULL;
}

NkgLang *
nkg_lang_new_lazy (const char *profile_dir)
{
  NkgLang *l = g_new0 (NkgLang, 1);
  l->dir = g_strdup (profile_dir ? profile_dir : NKG_TEXTCAT_DIR);
  l->profiles = g_ptr_array_new_with_free_func (fp_Done);
  l->codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) english = g_hash_table_new (g_str_hash, g_str_equal);
  for (const char *const *w = nkg_rules_list ("language", "english-words"); *w; w++)
    g_hash_table_add (english, (gpointer) *w);
  l->english_index = nkg_word_index_new (english);
  const char *const *min = nkg_rules_list ("language", "english-min-words");
  const char *const *share = nkg_rules_list ("language", "english-share");
  /* Without its figures the test never passes: every text is fingerprinted. */
  l->english_min_words = min[0] ? (guint) strtoul (min[0], NULL, 10) : G_MAXUINT;
  l->english_share = share[0] ? g_ascii_strtod (share[0], NULL) : 2.0;
  return l;
}

NkgLang *
nkg_lang_new (GError **error)
{
  g_autoptr (NkgLang) l = nkg_lang_new_lazy (NULL);
  if (!ensure_profiles (l))
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, l->error);
      return NULL;
    }
  return g_steal_pointer (&l);
}

const char *
nkg_lang_error (NkgLang *l)
{
  return g_atomic_pointer_get (&l->error);
}

void
nkg_lang_free (NkgLang *l)
{
  if (!l)
    return;
  g_ptr_array_unref (l->profiles);
  g_ptr_array_unref (l->codes);
  g_free (l->dir);
  g_free (l->error);
  g_clear_pointer (&l->english_index, nkg_word_index_free);
  g_free (l);
}

/* A few thousand bytes tell the language as well as the whole article. */
#define SAMPLE_BYTES 4096
/* Below this much text a verdict is a guess: names and numbers dominate. */
#define MIN_SAMPLE_BYTES 200

typedef struct {
  gint score;
  guint index;
} Scored;

static gint
scored_cmp (gconstpointer a, gconstpointer b)
{
  const Scored *x = a, *y = b;
  return x->score != y->score ? (x->score < y->score ? -1 : 1) : (int) x->index - (int) y->index;
}

/* The sample: the text's first SAMPLE_BYTES, cut at a character boundary;
 * 0 when the text is too short to tell. */
static gsize
sample_length (const char *text, gsize len)
{
  if (len < MIN_SAMPLE_BYTES)
    return 0;
  gsize n = MIN (len, SAMPLE_BYTES);
  while (n < len && (((guchar) text[n]) & 0xC0) == 0x80)
    n--;
  return n;
}

/* The character at s (before end): its length in bytes (at least 1, so
 * that invalid bytes are stepped over), and whether it is a letter. */
static gsize
char_at (const char *s, const char *end, gboolean *letter, gboolean *ascii)
{
  guchar c = (guchar) *s;
  *ascii = c < 0x80;
  if (c < 0x80)
    {
      *letter = g_ascii_isalpha (c);
      return 1;
    }
  const char *next = g_utf8_find_next_char (s, end);
  gsize n = (gsize) ((next ? next : end) - s);
  gunichar u = g_utf8_get_char_validated (s, (gssize) n);
  *letter = u < 0x110000 && g_unichar_isalpha (u);
  return MAX (n, 1);
}

/* An ASCII byte's lower case when it is a letter, else 0: the test and
 * the lowering of every byte of the sample in one look-up. */
#define LOWER_LETTER(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c) >= 'a' && (c) <= 'z' ? (c) : 0)
static const guchar lower_letter[256] = NKG_BYTE_TABLE (LOWER_LETTER);

gboolean
nkg_lang_is_plain_english (NkgLang *l, const char *text, gsize len)
{
  gsize n = sample_length (text, len);
  if (!n)
    return FALSE;
  const char *s = text, *end = text + n;
  guint words = 0, common = 0;
  char word[16];
  while (s < end)
    {
      gboolean letter = TRUE, ascii;
      gsize step;
      if ((guchar) *s < 0x80 && !lower_letter[(guchar) *s])
        {
          s++;
          continue;
        }
      if ((guchar) *s >= 0x80 && (step = char_at (s, end, &letter, &ascii), !letter))
        {
          s += step;
          continue;
        }
      /* A word: a run of letters, looked up when it is short and ASCII. */
      const char *from = s;
      gboolean all_ascii = TRUE;
      for (;;)
        {
          /* ASCII letters (most of every word) without char_at, only
           * stepped over here: a short word that is all ASCII is lowered
           * and hashed below (the words too long to look up are not) */
          while (s < end && lower_letter[(guchar) *s])
            s++;
          if (s >= end || (guchar) *s < 0x80)
            break;
          step = char_at (s, end, &letter, &ascii);
          if (!letter)
            break; /* the outer loop steps over it */
          all_ascii = FALSE;
          s += step;
        }
      words++;
      gsize wl = (gsize) (s - from);
      if (all_ascii && wl < sizeof word)
        {
          guint hash = NKG_STR_HASH_SEED;
          for (gsize i = 0; i < wl; i++)
            hash = nkg_str_hash_step (hash, word[i] = (char) lower_letter[(guchar) from[i]]);
          word[wl] = '\0';
          common += nkg_word_index_lookup (l->english_index, word, hash) != NULL;
        }
    }
  return words >= l->english_min_words && common >= l->english_share * words;
}

GStrv
nkg_lang_detect (NkgLang *l, const char *text, gsize len)
{
  if (nkg_lang_is_plain_english (l, text, len))
    {
      GStrv en = g_new0 (char *, 2);
      en[0] = g_strdup ("en");
      return en;
    }
  return nkg_lang_detect_ngrams (l, text, len);
}

/* fp_Create callocs and frees a 64 KiB table per text. Freed at the top
 * of a thread's heap it makes glibc trim the heap (madvise) and fault
 * the pages in again on the next text, every text, depending only on
 * where the heap happens to end. Once per thread, a free block larger
 * than the table is left below a small allocation that lives as long as
 * the thread: the table is then cut from it and given back to it, away
 * from the top. */
#define TABLE_ROOM (96 * 1024)

static GPrivate table_room = G_PRIVATE_INIT (g_free);

static void
keep_table_room (void)
{
  if (g_private_get (&table_room))
    return;
  void *room = g_malloc (TABLE_ROOM);
  g_private_set (&table_room, g_malloc (1));
  g_free (room);
}

GStrv
nkg_lang_detect_ngrams (NkgLang *l, const char *text, gsize len)
{
  gsize n = sample_length (text, len);
  if (!n || !ensure_profiles (l))
    return NULL;
  keep_table_room ();
  void *unknown = fp_Init (NULL);
  fp_SetProperty (unknown, TCPROP_UTF8AWARE, TC_TRUE);
  if (fp_Create (unknown, text, (uint4) n, MAX_NGRAMS) == 0)
    {
      fp_Done (unknown);
      return NULL;
    }
  g_autoptr (GArray) scores = g_array_new (FALSE, FALSE, sizeof (Scored));
  gint best = G_MAXINT32;
  for (guint i = 0; i < l->profiles->len; i++)
    {
      /* Past the cut-off a comparison stops early: it cannot tie. */
      gint cutoff = best == G_MAXINT32 ? G_MAXINT32 : (gint) (best * TIE_MARGIN);
      gint s = fp_Compare (g_ptr_array_index (l->profiles, i), unknown, cutoff);
      Scored sc = { s, i };
      g_array_append_val (scores, sc);
      best = MIN (best, s);
    }
  fp_Done (unknown);
  g_array_sort (scores, scored_cmp);
  GPtrArray *codes = g_ptr_array_new ();
  for (guint i = 0; i < scores->len; i++)
    {
      Scored *sc = &g_array_index (scores, Scored, i);
      if (sc->score > best * TIE_MARGIN)
        break;
      const char *code = g_ptr_array_index (l->codes, sc->index);
      gboolean seen = FALSE;
      for (guint k = 0; k < codes->len; k++)
        seen = seen || strcmp (g_ptr_array_index (codes, k), code) == 0;
      if (!seen)
        g_ptr_array_add (codes, g_strdup (code));
    }
  if (codes->len > MAX_CANDIDATES)
    {
      g_ptr_array_set_free_func (codes, g_free);
      g_ptr_array_unref (codes);
      return NULL; /* too close to call */
    }
  g_ptr_array_add (codes, NULL);
  return (GStrv) g_ptr_array_free (codes, FALSE);
}
