/* lang.c — see lang.h.
 *
 * libexttextcat's own classifier compares each text with all 170 of its
 * profiles, which costs more than reading the article; we compare with
 * the profiles input.ini lists, through its fingerprint API, the same way
 * (a text's n-gram ranks against each profile's, early exit past the best
 * score so far, every language within 3% of the best is a candidate). */
#include "lang.h"

#include "rules.h"

#include <fingerprint.h>
#include <string.h>

struct _NkgLang {
  GPtrArray *profiles; /* fingerprint handles */
  GPtrArray *codes;    /* char*: "en", "zh" */
};

/* Per text and per profile, as libexttextcat's classifier: the n-grams
 * kept, the margin within which languages tie, how many ties make the
 * verdict "unknown". */
#define MAX_NGRAMS 400
#define TIE_MARGIN 1.03
#define MAX_CANDIDATES 5

NkgLang *
nkg_lang_new (GError **error)
{
  g_autoptr (NkgLang) l = g_new0 (NkgLang, 1);
  l->profiles = g_ptr_array_new_with_free_func (fp_Done);
  l->codes = g_ptr_array_new_with_free_func (g_free);
  for (const char *const *p = nkg_rules_list ("language", "profiles"); *p; p++)
    {
      g_autofree char *file = g_strdup_printf ("%s/%s.lm", NKG_TEXTCAT_DIR, *p);
      void *fp = fp_Init (*p);
      fp_SetProperty (fp, TCPROP_UTF8AWARE, TC_TRUE);
      if (!fp_Read (fp, file, MAX_NGRAMS))
        {
          fp_Done (fp);
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                       "language profile %s cannot be read (Debian package libexttextcat-data)", file);
          return NULL;
        }
      g_ptr_array_add (l->profiles, fp);
      g_ptr_array_add (l->codes, g_strndup (*p, strcspn (*p, "-")));
    }
  if (!l->profiles->len)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "no language profiles listed");
      return NULL;
    }
  return g_steal_pointer (&l);
}

void
nkg_lang_free (NkgLang *l)
{
  if (!l)
    return;
  g_ptr_array_unref (l->profiles);
  g_ptr_array_unref (l->codes);
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

GStrv
nkg_lang_detect (NkgLang *l, const char *text, gsize len)
{
  if (len < MIN_SAMPLE_BYTES)
    return NULL;
  gsize n = MIN (len, SAMPLE_BYTES);
  while (n < len && (((guchar) text[n]) & 0xC0) == 0x80)
    n--; /* cut at a character boundary */
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
