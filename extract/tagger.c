/* tagger.c — parts of speech and lemmas from WordNet (see tagger.h). */
#include "tagger.h"
#include "words.h"

#include "dates.h"
#include "tableindex.h"
#include "textutil.h"

#include <gio/gio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

GResource *nkg_syntax_get_resource (void);

#define RES "/org/newskg/syntax/"

/* ------------------------------------------------------------ the tables */

typedef struct {
  NkgPos pos;
  NkgForm form;
  const char *lemma; /* for auxiliaries */
} Closed;

/* One word of the WordNet table, as read from its lines. */
typedef struct {
  guint counts[4];        /* noun, verb, adjective, adverb (0: never) */
  guint8 klass;           /* NkgNounClass of the most frequent noun sense */
  gboolean lemma;         /* a lemma line was seen (not only irregular forms) */
  char classes[160];      /* every noun sense's class, comma-separated */
  guint n_irregular;
  struct {
    char pos;             /* 'n', 'v', 'a', 'r' */
    char lemma[48];
  } irregular[4];
} WnWord;

typedef struct {
  GBytes *wordnet;       /* sorted lines */
  const char *data;
  gsize len;
  GBytes *index;         /* wordnet.idx (data/nkg-tableindex), whose sections lines and buckets are */
  const guint32 *lines;  /* offset of every line, in the table's (sorted) order */
  guint n_lines;
  const guint32 *buckets; /* lines by their words' first two bytes (nkg_prefix_index), or NULL */
  GHashTable *closed_words; /* word → Closed*; a token's is its NkgWordEntry.closed (words.h) */
} Tables;

static NkgNounClass noun_class_of_name (const char *name, gsize n);

/* Reads the table into `words`: one pass over 2.7 MB when the first
 * document is tagged, so that the dozens of lookups per word that
 * morphology makes cost a hash each. */
/* Finds where each line starts (one pass of memchr), so that a word is a
 * binary search away and nothing is parsed before it is asked for: only
 * when wordnet.idx, which holds the same made at build time, is not an
 * index of this table. */
static void
index_lines (Tables *t)
{
  guint n = 0;
  for (const char *p = t->data, *end = t->data + t->len; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      n++;
      p = nl ? nl + 1 : end;
    }
  guint32 *lines = g_new (guint32, n);
  t->n_lines = 0;
  for (const char *p = t->data, *end = t->data + t->len; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      lines[t->n_lines++] = (guint32) (p - t->data);
      p = nl ? nl + 1 : end;
    }
  t->lines = lines;
}

/* strcmp of a line's first field with `word`. */
static int
key_cmp (const Tables *t, guint line, const char *word)
{
  const char *p = t->data + t->lines[line], *end = t->data + t->len;
  for (;; p++, word++)
    {
      char a = p < end && *p != '\t' && *p != '\n' ? *p : '\0';
      if (a != *word)
        return (guchar) a < (guchar) *word ? -1 : 1;
      if (!a)
        return 0;
    }
}

/* A line's word as nkg_prefix_bucket sees it: the tab ends it. */
static guint
line_bucket_of (gconstpointer data, guint32 i)
{
  const Tables *t = data;
  const char *p = t->data + t->lines[i], *end = t->data + t->len;
  char key[3] = { 0, 0, 0 };
  for (guint k = 0; k < 2 && p + k < end && p[k] != '\t' && p[k] != '\n'; k++)
    key[k] = p[k];
  return nkg_prefix_bucket (key);
}

/* Copies field `k` (0-based, tab-separated) of line `line` into buf. */
static void
field (const Tables *t, guint line, guint k, char *buf, gsize size)
{
  const char *p = t->data + t->lines[line], *end = t->data + t->len;
  for (guint i = 0; i < k && p < end && *p != '\n'; p++)
    if (*p == '\t')
      i++;
  gsize n = 0;
  while (p < end && *p != '\t' && *p != '\n' && n + 1 < size)
    buf[n++] = *p++;
  buf[n] = '\0';
}

static NkgNounClass noun_class_of_name (const char *name, gsize n);

/* Reads every line about `word` into *w; FALSE when there is none. */
static gboolean
wn_lookup (const Tables *t, const char *word, WnWord *w)
{
  memset (w, 0, sizeof *w);
  if (!t->n_lines || !*word)
    return FALSE;
  guint lo = 0, hi = t->n_lines;
  if (t->buckets)
    {
      guint b = nkg_prefix_bucket (word);
      lo = t->buckets[b];
      hi = t->buckets[b + 1];
    }
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (key_cmp (t, mid, word) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  gboolean any = FALSE;
  for (guint l = lo; l < t->n_lines && key_cmp (t, l, word) == 0; l++)
    {
      char f1[64], f2[64];
      field (t, l, 1, f1, sizeof f1);
      field (t, l, 2, f2, sizeof f2);
      any = TRUE;
      if (strcmp (f1, "=") == 0)
        {
          if (w->n_irregular < G_N_ELEMENTS (w->irregular))
            {
              w->irregular[w->n_irregular].pos = f2[0];
              field (t, l, 3, w->irregular[w->n_irregular].lemma, sizeof w->irregular[0].lemma);
              w->n_irregular++;
            }
          continue;
        }
      char *num = f1;
      for (guint i = 0; i < 4; i++)
        w->counts[i] = (guint) strtoul (num, &num, 10);
      w->klass = noun_class_of_name (f2, strlen (f2));
      field (t, l, 3, w->classes, sizeof w->classes);
      w->lemma = TRUE;
    }
  return any;
}

static NkgPos
pos_of_name (const char *name)
{
  static const struct {
    const char *name;
    NkgPos pos;
  } names[] = { { "DET", NKG_POS_DET },     { "PRON", NKG_POS_PRON },   { "POSS", NKG_POS_POSS },
                { "PREP", NKG_POS_PREP },   { "CONJ", NKG_POS_CONJ },   { "SCONJ", NKG_POS_SCONJ },
                { "WH", NKG_POS_WH },       { "AUX", NKG_POS_AUX },     { "MODAL", NKG_POS_MODAL },
                { "TO", NKG_POS_TO },       { "NEG", NKG_POS_NEG },     { "NUM", NKG_POS_NUM } };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (names[i].name, name) == 0)
      return names[i].pos;
  return NKG_POS_OTHER;
}
static NkgForm
form_of_name (const char *name)
{
  if (strcmp (name, "base") == 0)
    return NKG_FORM_BASE;
  if (strcmp (name, "3sg") == 0)
    return NKG_FORM_3SG;
  if (strcmp (name, "past") == 0)
    return NKG_FORM_PAST;
  if (strcmp (name, "part") == 0)
    return NKG_FORM_PART;
  if (strcmp (name, "ger") == 0)
    return NKG_FORM_GER;
  return NKG_FORM_NONE;
}

/* Takes the lines' offsets and buckets from wordnet.idx where they lie
 * (data/nkg-tableindex made them at build time, extract/tableindex.h);
 * FALSE when it is missing, short or not an index of this wordnet.tsv. */
static gboolean
read_index (Tables *t)
{
  g_autoptr (GBytes) index = g_resource_lookup_data (nkg_syntax_get_resource (), RES "wordnet.idx", 0, NULL);
  if (!index || !t->data)
    return FALSE;
  gsize len;
  const char *data = nkg_table_index_aligned (&index, &len);
  const NkgTableIndexHeader *h = nkg_table_index_header (data, len, t->len);
  if (!h)
    return FALSE;
  gsize lines_len = nkg_table_index_section (h->n, sizeof (guint32));
  gsize buckets_len = h->has_buckets ? nkg_table_index_section (NKG_PREFIX_BUCKETS + 1, sizeof (guint32)) : 0;
  if (len - sizeof *h < lines_len + buckets_len)
    return FALSE;
  t->lines = (const guint32 *) (data + sizeof *h);
  t->n_lines = h->n;
  t->buckets = h->has_buckets ? (const guint32 *) (data + sizeof *h + lines_len) : NULL;
  t->index = g_steal_pointer (&index);
  return TRUE;
}

static gpointer
load_tables (gpointer unused)
{
  (void) unused;
  Tables *t = g_new0 (Tables, 1);
  t->wordnet = g_resource_lookup_data (nkg_syntax_get_resource (), RES "wordnet.tsv", 0, NULL);
  if (t->wordnet)
    t->data = g_bytes_get_data (t->wordnet, &t->len);
  if (!read_index (t))
    {
      index_lines (t);
      guint32 *buckets = g_new (guint32, NKG_PREFIX_BUCKETS + 1);
      if (nkg_prefix_index (buckets, t->n_lines, line_bucket_of, t))
        t->buckets = buckets;
      else
        g_free (buckets);
    }
  GHashTable *closed_words = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GBytes) closed = g_resource_lookup_data (nkg_syntax_get_resource (), RES "closed-class.tsv", 0, NULL);
  if (closed)
    {
      gsize n;
      const char *p = g_bytes_get_data (closed, &n);
      g_autofree char *text = g_strndup (p, n);
      g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        {
          if (!*lines[i] || lines[i][0] == '#')
            continue;
          g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
          if (!f[0] || !f[1])
            continue;
          Closed *c = g_new0 (Closed, 1);
          c->pos = pos_of_name (f[1]);
          if (f[2])
            {
              char *slash = strchr (f[2], '/');
              if (slash)
                {
                  *slash = '\0';
                  c->form = form_of_name (slash + 1);
                }
              c->lemma = g_intern_string (f[2]);
            }
          g_hash_table_insert (closed_words, (gpointer) g_intern_string (f[0]), c);
        }
    }
  t->closed_words = closed_words;
  /* Read-only for the life of the process, like the lexicon's resource. */
  return t;
}

static const Tables *
tables (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, load_tables, NULL);
}

/* The closed-class words → their Closed*, for words.c. */
GHashTable *nkg_tagger_closed_words (void);
GHashTable *
nkg_tagger_closed_words (void)
{
  return tables ()->closed_words;
}

void
nkg_tagger_load (void)
{
  (void) tables ();
}

static NkgNounClass
noun_class_of_name (const char *name, gsize n)
{
  static const struct {
    const char *name;
    NkgNounClass klass;
  } names[] = { { "person", NKG_NOUN_PERSON },   { "group", NKG_NOUN_GROUP },
                { "location", NKG_NOUN_LOCATION }, { "act", NKG_NOUN_ACT },
                { "communication", NKG_NOUN_COMMUNICATION }, { "event", NKG_NOUN_EVENT },
                { "artifact", NKG_NOUN_ARTIFACT }, { "time", NKG_NOUN_TIME } };
  if (n == 0 || (n == 1 && name[0] == '-'))
    return NKG_NOUN_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strlen (names[i].name) == n && strncmp (names[i].name, name, n) == 0)
      return names[i].klass;
  return NKG_NOUN_OTHER;
}

/* One analysis of a word: a part of speech with its lemma and form. */
typedef struct {
  NkgPos pos;
  NkgForm form;
  gboolean plural;
  NkgNounClass noun_class;
  double count;
  double log_count; /* log (count + 1): fit's base, made once per word and cached */
  gboolean same;    /* the lemma is the word itself (finish_readings) */
  guint lemma_word; /* NkgTag.lemma_word of the lemma (finish_readings) */
  char lemma[64];
} Reading;

typedef struct {
  Reading r[16];
  guint n;
} Readings;

/* nkg_wordnet_word's answer: whether WordNet has the word, its counts by
 * part of speech and the class of its most frequent noun sense. */
typedef struct {
  char word[24]; /* the word it is for ("" in an empty slot) */
  gboolean found;
  guint counts[4];
  NkgNounClass klass;
} WnAnswer;

static void
wn_answer (const char *lower, WnAnswer *a)
{
  WnWord entry;
  const WnWord *w = wn_lookup (tables (), lower, &entry) ? &entry : NULL;
  a->found = w && w->lemma;
  for (guint i = 0; i < 4; i++)
    a->counts[i] = a->found ? w->counts[i] : 0;
  a->klass = a->found ? (NkgNounClass) w->klass : NKG_NOUN_NONE;
}

/* Answers for short words, remembered per thread in direct-mapped slots:
 * a look-up is a binary search over the table's lines (1,700
 * instructions), and names and capitalised words are asked about again
 * and again. The table never changes. */
#define WN_MEMO_BITS 11

static GPrivate wn_memo_key = G_PRIVATE_INIT (g_free);

/* The slot for `lower` (n bytes, shorter than a slot's word), made this
 * thread's answer for it. */
static const WnAnswer *
wn_memo (const char *lower, gsize n)
{
  WnAnswer *memo = g_private_get (&wn_memo_key);
  if (!memo)
    {
      memo = g_new0 (WnAnswer, 1u << WN_MEMO_BITS);
      g_private_set (&wn_memo_key, memo);
    }
  guint h = NKG_STR_HASH_SEED;
  for (gsize i = 0; i < n; i++)
    h = nkg_str_hash_step (h, lower[i]);
  WnAnswer *slot = &memo[(guint32) (h * 0x9E3779B1u) >> (32 - WN_MEMO_BITS)];
  if (strcmp (slot->word, lower) != 0)
    {
      wn_answer (lower, slot);
      memcpy (slot->word, lower, n + 1);
    }
  return slot;
}

gboolean
nkg_wordnet_word (const char *lower, guint counts[4], NkgNounClass *noun_class)
{
  gsize n = strlen (lower);
  WnAnswer fresh;
  const WnAnswer *a = n && n < sizeof fresh.word ? wn_memo (lower, n) : (wn_answer (lower, &fresh), &fresh);
  if (counts)
    memcpy (counts, a->counts, sizeof a->counts);
  if (noun_class)
    *noun_class = a->klass;
  return a->found;
}

gboolean
nkg_wordnet_word_or_singular (const char *lower)
{
  if (nkg_wordnet_word (lower, NULL, NULL))
    return TRUE;
  gsize n = strlen (lower);
  if (n < 4 || lower[n - 1] != 's')
    return FALSE;
  g_autofree char *one = g_strndup (lower, n - 1);
  return nkg_wordnet_word (one, NULL, NULL);
}

gboolean
nkg_wordnet_noun_can_be (const char *lemma, NkgNounClass klass)
{
  WnWord entry;
  const WnWord *w = wn_lookup (tables (), lemma, &entry) ? &entry : NULL;
  if (!w || !w->lemma || !w->counts[0] || !w->classes[0])
    return FALSE;
  g_auto (GStrv) c = g_strsplit (w->classes, ",", -1);
  for (guint i = 0; c[i]; i++)
    if (noun_class_of_name (c[i], strlen (c[i])) == klass)
      return TRUE;
  return FALSE;
}

static void
add_reading (Readings *rs, NkgPos pos, NkgForm form, gboolean plural, const char *lemma, double count,
             NkgNounClass klass)
{
  if (rs->n >= G_N_ELEMENTS (rs->r) || strlen (lemma) >= sizeof rs->r[0].lemma)
    return;
  for (guint i = 0; i < rs->n; i++)
    if (rs->r[i].pos == pos && rs->r[i].form == form && strcmp (rs->r[i].lemma, lemma) == 0)
      return;
  Reading *r = &rs->r[rs->n++];
  r->pos = pos;
  r->form = form;
  r->plural = plural;
  r->count = count;
  r->log_count = log (count + 1.0);
  r->noun_class = klass;
  g_strlcpy (r->lemma, lemma, sizeof r->lemma);
}

/* Readings of `base` as a lemma of part of speech p (0 n, 1 v, 2 a, 3 r). */
static void
try_lemma (Readings *rs, const char *base, guint p, NkgForm form, gboolean plural)
{
  guint counts[4];
  NkgNounClass klass;
  if (!*base || !nkg_wordnet_word (base, counts, &klass) || !counts[p])
    return;
  static const NkgPos pos[] = { NKG_POS_NOUN, NKG_POS_VERB, NKG_POS_ADJ, NKG_POS_ADV };
  add_reading (rs, pos[p], form, plural, base, counts[p], p == 0 ? klass : NKG_NOUN_NONE);
}

/* WordNet's morphology ("morphy"): irregular forms, then its detachment
 * rules, each kept only when the lemma it gives exists. */
static void
analyse (const char *w, Readings *rs)
{
  rs->n = 0;
  WnWord entry;
  const WnWord *e = wn_lookup (tables (), w, &entry) ? &entry : NULL;
  static const NkgPos pos[] = { NKG_POS_NOUN, NKG_POS_VERB, NKG_POS_ADJ, NKG_POS_ADV };
  for (guint p = 0; e && e->lemma && p < 4; p++)
    if (e->counts[p])
      add_reading (rs, pos[p], p == 1 ? NKG_FORM_BASE : NKG_FORM_NONE, FALSE, w, e->counts[p],
                   p == 0 ? (NkgNounClass) e->klass : NKG_NOUN_NONE);
  for (guint i = 0; e && i < e->n_irregular; i++)
    {
      char x0 = e->irregular[i].pos;
      const char *lemma = e->irregular[i].lemma;
      if (x0 == 'n')
        try_lemma (rs, lemma, 0, NKG_FORM_NONE, TRUE);
      else if (x0 == 'v')
        {
          gsize n = strlen (w);
          NkgForm form = n > 3 && g_str_has_suffix (w, "ing") ? NKG_FORM_GER : NKG_FORM_PAST;
          try_lemma (rs, lemma, 1, form, FALSE);
        }
      else if (x0 == 'a')
        try_lemma (rs, lemma, 2, NKG_FORM_NONE, FALSE);
    }
  gsize n = strlen (w);
  char base[64];
  if (n + 2 >= sizeof base)
    return;
  static const struct {
    const char *suffix, *ending;
    guint p;
    NkgForm form;
    gboolean plural;
  } rules[] = {
    { "s", "", 0, NKG_FORM_NONE, TRUE },      { "ses", "s", 0, NKG_FORM_NONE, TRUE },
    { "xes", "x", 0, NKG_FORM_NONE, TRUE },   { "zes", "z", 0, NKG_FORM_NONE, TRUE },
    { "ches", "ch", 0, NKG_FORM_NONE, TRUE }, { "shes", "sh", 0, NKG_FORM_NONE, TRUE },
    { "men", "man", 0, NKG_FORM_NONE, TRUE }, { "ies", "y", 0, NKG_FORM_NONE, TRUE },
    { "s", "", 1, NKG_FORM_3SG, FALSE },      { "ies", "y", 1, NKG_FORM_3SG, FALSE },
    { "es", "e", 1, NKG_FORM_3SG, FALSE },    { "es", "", 1, NKG_FORM_3SG, FALSE },
    { "ed", "e", 1, NKG_FORM_PAST, FALSE },   { "ed", "", 1, NKG_FORM_PAST, FALSE },
    { "ied", "y", 1, NKG_FORM_PAST, FALSE },  { "ing", "e", 1, NKG_FORM_GER, FALSE },
    { "ing", "", 1, NKG_FORM_GER, FALSE },    { "er", "", 2, NKG_FORM_NONE, FALSE },
    { "est", "", 2, NKG_FORM_NONE, FALSE },   { "er", "e", 2, NKG_FORM_NONE, FALSE },
    { "est", "e", 2, NKG_FORM_NONE, FALSE },
  };
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      gsize sl = strlen (rules[r].suffix);
      if (n <= sl + 1 || !g_str_has_suffix (w, rules[r].suffix))
        continue;
      memcpy (base, w, n - sl);
      base[n - sl] = '\0';
      strcat (base, rules[r].ending);
      try_lemma (rs, base, rules[r].p, rules[r].form, rules[r].plural);
      /* "planned", "signing" with a doubled consonant: "plan" */
      if (rules[r].p == 1 && !*rules[r].ending && n - sl >= 3 && base[n - sl - 1] == base[n - sl - 2])
        {
          base[n - sl - 1] = '\0';
          try_lemma (rs, base, 1, rules[r].form, FALSE);
        }
    }
}

gboolean
nkg_wordnet_form_known (const char *lower)
{
  Readings rs;
  analyse (lower, &rs);
  return rs.n > 0;
}

/* News repeats its words, within an article and across a corpus: each
 * word's readings (a pure function of the word and the read-only table)
 * are worked out once per process and kept, up to a bound, behind a
 * read-write lock so that extraction threads share them. The cache never
 * changes what a word is read as, only how soon. */
#define MAX_CACHED_WORDS 200000

static GRWLock cache_lock;
static GHashTable *cache; /* word → CachedReadings*; guarded by cache_lock */
static gint cache_generation; /* one more each time the cache is dropped */

/* A word's readings as cached: only the n it has (a Readings is 1.4 KB
 * with room for 16, and most words have one to three). */
typedef struct {
  guint n;
  Reading r[];
} CachedReadings;

/* In front of the shared cache, each thread keeps where the words it
 * last looked up are in it: taking the read lock for every word made the
 * lock's cache line go back and forth between the extraction threads.
 * Slots point into the shared cache, whose entries stay until it is
 * dropped (a new generation empties every thread's slots). */
#define FRONT_SLOTS 8192 /* a power of two */

typedef struct {
  const char *word; /* the shared cache's key */
  const CachedReadings *readings;
} FrontSlot;

typedef struct {
  gint generation;
  FrontSlot slot[FRONT_SLOTS];
} Front;

static GPrivate front_key = G_PRIVATE_INIT (g_free);

/* This thread's slots: fetched once per document (nkg_tags_new), not per
 * word. */
static Front *
front_get (void)
{
  Front *f = g_private_get (&front_key);
  if (!f)
    {
      f = g_new0 (Front, 1);
      f->generation = g_atomic_int_get (&cache_generation);
      g_private_set (&front_key, f);
    }
  return f;
}

/* The slot of a word whose g_str_hash is `hash` (a token's NkgToken.hash:
 * not hashed again). */
static FrontSlot *
front_slot (Front *f, guint hash)
{
  gint generation = g_atomic_int_get (&cache_generation);
  if (f->generation != generation)
    {
      memset (f->slot, 0, sizeof f->slot);
      f->generation = generation;
    }
  return &f->slot[hash & (FRONT_SLOTS - 1)];
}

/* What a word's readings say of their lemmas beside the word `w` they
 * read, found once for the word (before it is cached) rather than at
 * each of its tokens: whether a lemma is the word itself, and the
 * lemma's word (NkgTag.lemma_word). */
static void
finish_readings (Readings *rs, const char *w)
{
  for (guint i = 0; i < rs->n; i++)
    {
      Reading *r = &rs->r[i];
      r->same = strcmp (r->lemma, w) == 0;
      r->lemma_word = 0;
      if (!r->same && !g_ascii_isupper (r->lemma[0]))
        {
          const NkgWordEntry *e = nkg_word_lookup (r->lemma);
          r->lemma_word = e && e->number != G_MAXUINT ? e->number + 1 : G_MAXUINT;
        }
    }
}

static void
analyse_cached (Front *front, const char *w, guint hash, Readings *rs)
{
  FrontSlot *slot = front_slot (front, hash);
  if (slot->word && strcmp (slot->word, w) == 0)
    {
      rs->n = slot->readings->n;
      memcpy (rs->r, slot->readings->r, slot->readings->n * sizeof slot->readings->r[0]);
      return;
    }
  g_rw_lock_reader_lock (&cache_lock);
  const char *key = NULL;
  const CachedReadings *have = NULL;
  if (cache && g_hash_table_lookup_extended (cache, w, (gpointer *) &key, (gpointer *) &have))
    {
      rs->n = have->n;
      memcpy (rs->r, have->r, have->n * sizeof have->r[0]);
      *slot = (FrontSlot) { key, have };
    }
  g_rw_lock_reader_unlock (&cache_lock);
  if (have)
    return;
  analyse (w, rs);
  finish_readings (rs, w);
  g_rw_lock_writer_lock (&cache_lock);
  if (!cache)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_hash_table_size (cache) < MAX_CACHED_WORDS && !g_hash_table_contains (cache, w))
    {
      CachedReadings *c = g_malloc (sizeof *c + rs->n * sizeof c->r[0]);
      c->n = rs->n;
      memcpy (c->r, rs->r, rs->n * sizeof c->r[0]);
      char *k = g_strdup (w);
      g_hash_table_insert (cache, k, c);
      *slot = (FrontSlot) { k, c };
    }
  g_rw_lock_writer_unlock (&cache_lock);
}

void
nkg_tags_drop_cache (void)
{
  g_rw_lock_writer_lock (&cache_lock);
  g_clear_pointer (&cache, g_hash_table_unref);
  g_atomic_int_inc (&cache_generation);
  g_rw_lock_writer_unlock (&cache_lock);
}

/* Unknown words: their endings. */
static void
guess (const char *w, Readings *rs)
{
  gsize n = strlen (w);
  if (n > 4 && g_str_has_suffix (w, "ly"))
    add_reading (rs, NKG_POS_ADV, NKG_FORM_NONE, FALSE, w, 1, NKG_NOUN_NONE);
  else if (n > 4 && g_str_has_suffix (w, "ing"))
    add_reading (rs, NKG_POS_VERB, NKG_FORM_GER, FALSE, w, 1, NKG_NOUN_NONE);
  else if (n > 4 && g_str_has_suffix (w, "ed"))
    add_reading (rs, NKG_POS_VERB, NKG_FORM_PAST, FALSE, w, 1, NKG_NOUN_NONE);
  else if (n > 5 && (g_str_has_suffix (w, "ous") || g_str_has_suffix (w, "ive") || g_str_has_suffix (w, "ical")
                     || g_str_has_suffix (w, "ful") || g_str_has_suffix (w, "less") || g_str_has_suffix (w, "able")))
    add_reading (rs, NKG_POS_ADJ, NKG_FORM_NONE, FALSE, w, 1, NKG_NOUN_NONE);
  else
    add_reading (rs, NKG_POS_NOUN, NKG_FORM_NONE, n > 3 && w[n - 1] == 's' && w[n - 2] != 's', w, 1,
                 NKG_NOUN_NONE);
}

/* --------------------------------------------------------------- context */

static gboolean
is_subject_pronoun (const char *lower)
{
  static const char *const p[] = { "i", "we", "you", "he", "she", "they", "it", "" };
  for (guint i = 0; *p[i]; i++)
    if (strcmp (p[i], lower) == 0)
      return TRUE;
  return FALSE;
}

/* How well reading r fits after the previous token's tag (and before the
 * next token): log frequency plus what the neighbours say. */
static double
fit (const Reading *r, const NkgTag *prev, const char *prev_lower, const NkgToken *next, const Closed *next_closed,
     gboolean singular_np)
{
  double s = r->log_count;
  NkgPos pp = prev ? prev->pos : NKG_POS_OTHER;
  gboolean verb = r->pos == NKG_POS_VERB;
  switch (pp)
    {
    case NKG_POS_DET:
    case NKG_POS_POSS:
    case NKG_POS_NUM:
    case NKG_POS_ADJ:
    case NKG_POS_POSSMARK:
      if (r->pos == NKG_POS_NOUN)
        s += 3;
      else if (r->pos == NKG_POS_ADJ)
        s += 2;
      /* "the signing", "their meeting": after a determiner an -ing form
       * that is also a noun is the noun */
      else if (verb && r->form == NKG_FORM_GER && pp != NKG_POS_ADJ && pp != NKG_POS_NUM)
        s -= 2;
      else if (verb && (r->form == NKG_FORM_GER || r->form == NKG_FORM_PAST))
        s += 0.5;
      else if (verb)
        s -= 5;
      break;
    case NKG_POS_MODAL:
    case NKG_POS_TO:
      if (verb && r->form == NKG_FORM_BASE)
        s += 5;
      break;
    case NKG_POS_AUX:
      if (prev->lemma && strcmp (prev->lemma, "have") == 0)
        s += verb && r->form == NKG_FORM_PAST ? 5 : 0;
      else if (prev->lemma && strcmp (prev->lemma, "do") == 0)
        s += verb && r->form == NKG_FORM_BASE ? 5 : 0;
      else if (verb && (r->form == NKG_FORM_PAST || r->form == NKG_FORM_GER))
        s += 4;
      else if (r->pos == NKG_POS_ADJ)
        s += 1;
      break;
    case NKG_POS_PRON:
      if (prev_lower && is_subject_pronoun (prev_lower) && verb && r->form != NKG_FORM_BASE)
        s += 4;
      else if (prev_lower && is_subject_pronoun (prev_lower) && verb)
        s += 2;
      break;
    case NKG_POS_NOUN:
    case NKG_POS_PROPN:
      if (verb && (r->form == NKG_FORM_PAST || r->form == NKG_FORM_3SG))
        s += 1.5;
      /* "a trade deal": a base form after a singular common noun is a
       * noun; after a name or a plural ("Chile and Peru sign") a verb. */
      else if (verb && r->form == NKG_FORM_BASE && pp == NKG_POS_NOUN && (!prev->plural || singular_np))
        s -= 3;
      break;
    case NKG_POS_PREP:
      if (r->pos == NKG_POS_NOUN)
        s += 2;
      /* "a memo of understanding signed …": after "of", an -ing form
       * that governs nothing (a lower-case open-class word follows, not
       * a determiner, pronoun or name) is the noun */
      else if (verb && r->form == NKG_FORM_GER && prev_lower && strcmp (prev_lower, "of") == 0 && next
               && (next->flags & NKG_TOK_WORD) && !(next->flags & NKG_TOK_CAP) && !next_closed)
        s -= 2;
      else if (verb && r->form == NKG_FORM_GER)
        s += 1;
      else if (verb)
        s -= 3;
      break;
    case NKG_POS_NEG:
      if (verb)
        s += 2;
      break;
    default:
      break;
    }
  /* "the fisheries accord." — a base form after a noun with nothing to
   * govern after it is the phrase's head noun. */
  if (verb && r->form == NKG_FORM_BASE && pp == NKG_POS_NOUN
      && (!next || !(next->flags & NKG_TOK_WORD) || (next_closed && next_closed->pos == NKG_POS_PREP)))
    s -= 3;
  /* A noun ends a noun phrase before a preposition or punctuation
   * ("the Space Agency chief in …"). */
  if (r->pos == NKG_POS_NOUN && (pp == NKG_POS_NOUN || pp == NKG_POS_PROPN || pp == NKG_POS_ADJ)
      && (!next || !(next->flags & NKG_TOK_WORD) || (next_closed && next_closed->pos == NKG_POS_PREP)))
    s += 1;
  /* A determiner, possessive or name after it: a verb taking an object. */
  if (verb && next && r->form != NKG_FORM_GER
      && ((next_closed && (next_closed->pos == NKG_POS_DET || next_closed->pos == NKG_POS_POSS))
          || ((next->flags & NKG_TOK_CAP) && !(next->flags & NKG_TOK_LINE))))
    s += 1.5;
  return s;
}

/* ------------------------------------------------------------ the tagger */

static gboolean
is_word_token (const NkgToken *t)
{
  return (t->flags & NKG_TOK_WORD) && !(t->flags & NKG_TOK_HANDLE);
}

NkgTags *
nkg_tags_new (const NkgSegments *seg)
{
  (void) tables ();
  NkgTags *tags = g_new0 (NkgTags, 1);
  tags->tags = g_array_sized_new (FALSE, TRUE, sizeof (NkgTag), seg->tokens->len);
  g_array_set_size (tags->tags, seg->tokens->len);
  tags->strings = g_string_chunk_new (4096);
  Front *front = front_get ();
  /* each token's closed-class entry, looked up once, in one array for
   * the text (one for each sentence was an allocation a sentence) */
  g_autofree const Closed **closed_all = g_new (const Closed *, seg->tokens->len + 1);
  for (guint s = 0; s < seg->sentences->len; s++)
    {
      const NkgSentence *sent = &g_array_index (seg->sentences, NkgSentence, s);
      const Closed **closed_of = closed_all + sent->first;
      for (guint i = sent->first; i < sent->last; i++)
        closed_of[i - sent->first] = nkg_word_entry (nkg_tok (seg, i))->closed;
      for (guint i = sent->first; i < sent->last; i++)
        {
          const NkgToken *t = nkg_tok (seg, i);
          NkgTag *tag = &g_array_index (tags->tags, NkgTag, i);
          const NkgTag *prev = i > sent->first ? &g_array_index (tags->tags, NkgTag, i - 1) : NULL;
          const char *prev_lower = i > sent->first ? nkg_tok (seg, i - 1)->lower : NULL;
          const NkgToken *next = i + 1 < sent->last ? nkg_tok (seg, i + 1) : NULL;
          const Closed *next_closed = i + 1 < sent->last ? closed_of[i + 1 - sent->first] : NULL;
          if (t->flags & NKG_TOK_POSS)
            {
              tag->pos = NKG_POS_POSSMARK;
              tag->lemma = "'s";
              continue;
            }
          if ((t->flags & NKG_TOK_NUM) && !(t->flags & NKG_TOK_CAP))
            {
              tag->pos = NKG_POS_NUM;
              tag->lemma = t->lower;
              continue;
            }
          if (!is_word_token (t))
            {
              tag->pos = (t->flags & NKG_TOK_HANDLE) ? NKG_POS_PROPN : NKG_POS_PUNCT;
              tag->lemma = t->text;
              continue;
            }
          const Closed *c = closed_of[i - sent->first];
          gboolean first = i == sent->first
                           || (prev && prev->pos == NKG_POS_PUNCT && (nkg_tok (seg, i - 1)->flags & NKG_TOK_QUOTE));
          gboolean capital = (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) != 0;
          /* Closed-class words keep their role even capitalised ("The",
           * "And" in a headline); other capitals inside a sentence and
           * all acronyms are names. */
          /* Only weekdays and months matter among names (see below):
           * ask WordNet about those alone. */
          NkgNounClass klass = NKG_NOUN_NONE;
          gboolean known = !c && capital && (nkg_date_weekday (t->text) || nkg_date_month (t->text))
                           && nkg_wordnet_word (t->lower, NULL, &klass);
          Readings rs;
          rs.n = 0;
          double total = 0;
          if (!c && capital && first && !(t->flags & NKG_TOK_UPPER))
            {
              analyse_cached (front, t->lower, t->hash, &rs);
              for (guint r = 0; r < rs.n; r++)
                total += rs.r[r].count;
            }
          /* A capital starting a sentence is an ordinary word only when
           * WordNet's corpus uses it often ("Officials", "Signed"); rare
           * ones are names ("Kenyan", "Mensah"). */
          if (!c && capital && (!first || (t->flags & NKG_TOK_UPPER) || total < 8))
            {
              tag->pos = NKG_POS_PROPN;
              tag->lemma = t->text;
              /* "Tuesday", "March": names that are times, which end a name
               * before them ("in Lima Tuesday"). */
              if (known && klass == NKG_NOUN_TIME)
                tag->noun_class = NKG_NOUN_TIME;
              continue;
            }
          if (c)
            {
              tag->pos = c->pos;
              tag->form = c->form;
              tag->lemma = c->lemma ? c->lemma : t->lower;
              /* "her" before a noun is a possessive; "that" after a noun
               * and before a verb or auxiliary opens a relative clause. */
              if (strcmp (t->lower, "her") == 0 && next && is_word_token (next) && !next_closed)
                tag->pos = NKG_POS_POSS;
              if (strcmp (t->lower, "that") == 0 && prev && (prev->pos == NKG_POS_NOUN || prev->pos == NKG_POS_PROPN)
                  && next_closed && (next_closed->pos == NKG_POS_AUX || next_closed->pos == NKG_POS_MODAL))
                tag->pos = NKG_POS_WH;
              /* "to" before a verb's base form is the infinitive; before a
               * noun phrase, a preposition. */
              if (c->pos == NKG_POS_TO && next && (next_closed || (next->flags & NKG_TOK_CAP)))
                tag->pos = NKG_POS_PREP;
              continue;
            }
          if (!rs.n)
            analyse_cached (front, t->lower, t->hash, &rs);
          if (!rs.n)
            {
              if (capital)
                {
                  tag->pos = NKG_POS_PROPN;
                  tag->lemma = t->text;
                  continue;
                }
              guess (t->lower, &rs);
              finish_readings (&rs, t->lower);
            }
          /* a word with one reading has nothing to choose (most words):
           * its neighbours are not weighed */
          guint best = 0;
          if (rs.n > 1)
            {
              /* inside "a …" or "an …": one thing is named, no verb yet */
              const char *before = i >= sent->first + 2 ? nkg_tok (seg, i - 2)->lower : NULL;
              gboolean singular_np = before && before[0] == 'a' && (!before[1] || (before[1] == 'n' && !before[2]));
              double best_fit = -1e9;
              for (guint r = 0; r < rs.n; r++)
                {
                  double f = fit (&rs.r[r], prev, prev_lower, next, next_closed, singular_np);
                  if (f > best_fit)
                    {
                      best_fit = f;
                      best = r;
                    }
                }
            }
          /* "To" in "to sign": the infinitive marker goes back to TO when
           * a verb follows. */
          if (prev && prev->pos == NKG_POS_PREP && strcmp (prev_lower, "to") == 0 && rs.r[best].pos == NKG_POS_VERB
              && rs.r[best].form == NKG_FORM_BASE)
            g_array_index (tags->tags, NkgTag, i - 1).pos = NKG_POS_TO;
          tag->pos = rs.r[best].pos;
          tag->form = rs.r[best].form;
          tag->plural = rs.r[best].plural;
          tag->noun_class = rs.r[best].noun_class;
          tag->lemma = rs.r[best].same ? t->lower : g_string_chunk_insert (tags->strings, rs.r[best].lemma);
          tag->lemma_word = rs.r[best].same ? 0 : rs.r[best].lemma_word;
        }
    }
  return tags;
}

void
nkg_tags_free (NkgTags *tags)
{
  if (!tags)
    return;
  g_array_unref (tags->tags);
  g_string_chunk_free (tags->strings);
  g_free (tags);
}

const char *
nkg_pos_name (NkgPos pos)
{
  static const char *const names[] = { "X",   "PUNCT", "DET",  "PRON", "POSS", "PREP",  "CONJ",
                                       "SCONJ", "WH",  "AUX",  "MODAL", "TO",  "NEG",   "NUM",
                                       "ADJ", "ADV",   "NOUN", "PROPN", "VERB", "POSSMARK" };
  return (guint) pos < G_N_ELEMENTS (names) ? names[pos] : "?";
}
