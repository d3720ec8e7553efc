/* patterns.c — reading data/patterns.txt (see patterns.h). */
#include "patterns.h"
#include "words.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "textutil.h"

GResource *nkg_syntax_get_resource (void);

/* A word list: its set of lemmas, and by first byte the lengths of its
 * lemmas (bit n: n bytes; 63: 63 or more), so that most words asked
 * about, in no list, are answered without hashing them. */
typedef struct NkgWordList {
  NkgWordListBit in; /* first: patterns.h reads it */
  GHashTable *set;
  guint64 shape[256];
} List;

static GHashTable *lists; /* list name → List; filled once */

/* For tokens: every word of the table's lists → its bits (a bit per list,
 * List.bit), the bits of a word in no list all clear. */
static NkgWordIndex *in_lists;
static guint64 *in_lists_bits; /* the bits, in_lists_width guint64s a word */
static guint in_lists_width;
static const guint64 *no_lists;
static GHashTable *words_in_lists; /* in_lists as a table: word → its bits */

static void
list_free (gpointer p)
{
  List *l = p;
  g_hash_table_unref (l->set);
  g_free (l);
}

static guint64
shape_bit (size_t n)
{
  return G_GUINT64_CONSTANT (1) << MIN (n, 63);
}

/* Whether word w, of n bytes, is in list l. */
static gboolean
list_has (const List *l, const char *w, size_t n)
{
  return (l->shape[(guchar) w[0]] & shape_bit (n)) && g_hash_table_contains (l->set, w);
}

static void
elem_free (gpointer p)
{
  NkgElem *e = p;
  g_free (e->role);
  g_free (e->list);
  g_free (e->anylist);
  g_free (e->word);
  g_free (e);
}

static void
spec_free (gpointer p)
{
  NkgFactSpec *f = p;
  g_free (f->subject);
  g_free (f->prop);
  g_free (f->object);
  g_free (f);
}

static void
example_free (gpointer p)
{
  NkgPatternExample *x = p;
  g_free (x->sentence);
  g_ptr_array_unref (x->must);
  g_ptr_array_unref (x->must_not);
  g_free (x);
}

static void
pattern_free (gpointer p)
{
  NkgPattern *x = p;
  g_free (x->id);
  g_free (x->states);
  g_free (x->code);
  g_free (x->match);
  g_clear_pointer (&x->elements, g_ptr_array_unref);
  g_clear_pointer (&x->facts, g_ptr_array_unref);
  g_clear_pointer (&x->examples, g_ptr_array_unref);
  g_free (x);
}

static guint
want_bit (const char *name)
{
  static const struct {
    const char *name;
    guint bit;
  } names[] = { { "person", NKG_WANT_PERSON },   { "country", NKG_WANT_COUNTRY }, { "org", NKG_WANT_ORG },
                { "gov", NKG_WANT_GOV },         { "city", NKG_WANT_CITY },       { "place", NKG_WANT_PLACE },
                { "event", NKG_WANT_EVENT },     { "agreement", NKG_WANT_AGREEMENT },
                { "signer", NKG_WANT_SIGNER } };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (names[i].name, name) == 0)
      return names[i].bit;
  return 0;
}

/* "{a,b,@list,'w'}" after an element: fills the element's constraints. */
static gboolean
parse_constraints (NkgElem *e, const char *body, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (body, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      const char *p = g_strstrip (parts[i]);
      if (!*p)
        continue;
      if (e->kind == NKG_ELEM_NP && g_str_has_prefix (p, "any@"))
        {
          g_free (e->anylist);
          e->anylist = g_strdup (p + 4);
        }
      else if (p[0] == '@')
        {
          g_free (e->list);
          e->list = g_strdup (p + 1);
        }
      else if (p[0] == '\'')
        {
          g_free (e->word);
          e->word = g_strndup (p + 1, strlen (p + 1) - (g_str_has_suffix (p, "'") ? 1 : 0));
        }
      else if (e->kind == NKG_ELEM_VG && strcmp (p, "passive") == 0)
        e->passive = TRUE;
      else if (e->kind == NKG_ELEM_VG && strcmp (p, "active") == 0)
        e->active = TRUE;
      else if (e->kind == NKG_ELEM_VG && strcmp (p, "gerund") == 0)
        e->gerund = TRUE;
      else if (e->kind == NKG_ELEM_VG && strcmp (p, "planned") == 0)
        e->planned = TRUE;
      else if (e->kind == NKG_ELEM_NP && want_bit (p))
        e->want |= want_bit (p);
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown constraint '%s'", p);
          return FALSE;
        }
    }
  return TRUE;
}

static gint
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

static GPtrArray *
parse_match (const char *match, GError **error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (elem_free);
  g_auto (GStrv) items = g_strsplit_set (match, " \t", -1);
  for (guint i = 0; items[i]; i++)
    {
      char *it = items[i];
      if (!*it)
        continue;
      NkgElem *e = g_new0 (NkgElem, 1);
      g_ptr_array_add (out, e);
      if (strcmp (it, "^") == 0)
        e->kind = NKG_ELEM_START;
      else if (strcmp (it, "...") == 0)
        e->kind = NKG_ELEM_GAP;
      else if (strcmp (it, "...-VG") == 0)
        {
          e->kind = NKG_ELEM_GAP;
          e->no_verb = TRUE;
        }
      else if (strcmp (it, "$") == 0)
        e->kind = NKG_ELEM_END;
      else if (it[0] == '\'')
        {
          e->kind = NKG_ELEM_WORD;
          e->word = g_strndup (it + 1, strlen (it + 1) - (g_str_has_suffix (it, "'") ? 1 : 0));
        }
      else if (g_str_has_prefix (it, "NP") || g_str_has_prefix (it, "VG"))
        {
          e->kind = it[0] == 'N' ? NKG_ELEM_NP : NKG_ELEM_VG;
          char *p = it + 2;
          if (*p == '+')
            {
              e->group = TRUE;
              p++;
            }
          char *brace = strchr (p, '{');
          if (brace)
            {
              char *close = strrchr (brace, '}');
              if (!close)
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "missing '}' in '%s'", it);
                  g_ptr_array_unref (out);
                  return NULL;
                }
              *close = '\0';
              if (!parse_constraints (e, brace + 1, error))
                {
                  g_ptr_array_unref (out);
                  return NULL;
                }
              *brace = '\0';
            }
          if (*p == ':')
            e->role = g_strdup (p + 1);
        }
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown element '%s'", it);
          g_ptr_array_unref (out);
          return NULL;
        }
    }
  return out;
}

static GPtrArray *
parse_facts (const char *facts, GError **error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (spec_free);
  g_auto (GStrv) items = g_strsplit (facts, ";", -1);
  for (guint i = 0; items[i]; i++)
    {
      g_auto (GStrv) w = g_strsplit_set (g_strstrip (items[i]), " \t", -1);
      GPtrArray *words = g_ptr_array_new ();
      for (guint k = 0; w[k]; k++)
        if (*w[k])
          g_ptr_array_add (words, w[k]);
      if (words->len == 0)
        {
          g_ptr_array_unref (words);
          continue;
        }
      if (words->len != 3)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "a fact is 'ROLE predicate ROLE': '%s'", items[i]);
          g_ptr_array_unref (words);
          g_ptr_array_unref (out);
          return NULL;
        }
      NkgFactSpec *f = g_new0 (NkgFactSpec, 1);
      f->subject = g_strdup (g_ptr_array_index (words, 0));
      f->prop = g_strdup (g_ptr_array_index (words, 1));
      char *object = g_ptr_array_index (words, 2);
      char *brace = strchr (object, '{');
      if (brace)
        {
          NkgElem tmp = { .kind = NKG_ELEM_NP };
          char *close = strrchr (brace, '}');
          if (close)
            *close = '\0';
          if (!parse_constraints (&tmp, brace + 1, error))
            {
              spec_free (f);
              g_ptr_array_unref (words);
              g_ptr_array_unref (out);
              return NULL;
            }
          f->object_want = tmp.want;
          *brace = '\0';
        }
      f->object = g_strdup (object);
      g_ptr_array_add (out, f);
      g_ptr_array_unref (words);
    }
  return out;
}

static void
split_facts (const char *text, GPtrArray *must, GPtrArray *must_not)
{
  g_auto (GStrv) items = g_strsplit (text, ";", -1);
  for (guint i = 0; items[i]; i++)
    {
      char *f = g_strstrip (items[i]);
      if (!*f)
        continue;
      if (f[0] == '*')
        g_ptr_array_add (must_not, g_strdup (g_strstrip (f + 1)));
      else
        g_ptr_array_add (must, g_strdup (f));
    }
}

/* id → measured precision, from "id<TAB>precision<TAB>…" lines. */
static GHashTable *
read_confidences (const char *text)
{
  GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!text)
    return t;
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (!*lines[i] || lines[i][0] == '#')
        continue;
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      if (!f[0] || !f[1])
        continue;
      double *v = g_new (double, 1);
      *v = g_ascii_strtod (f[1], NULL);
      g_hash_table_insert (t, g_strdup (f[0]), v);
    }
  return t;
}

/* A key given twice in one group ("example14" added where the group
 * already has one): GKeyFile keeps only the last, so the other example
 * would silently never run. */
static gboolean
check_unique_keys (const char *text, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *group = g_strdup ("");
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];
      if (l[0] == '[')
        {
          g_free (group);
          group = g_strdup (l);
          continue;
        }
      const char *eq = strchr (l, '=');
      if (!eq || l[0] == '#' || g_ascii_isspace (l[0]))
        continue;
      char *key = g_strdup_printf ("%s %.*s", group, (int) (eq - l), l);
      if (!g_hash_table_add (seen, key))
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE, "line %u: key %s given twice", i + 1, key);
          return FALSE;
        }
    }
  return TRUE;
}

GPtrArray *
nkg_patterns_parse (const char *text, const char *confidences, GError **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  if (!check_unique_keys (text, error) || !g_key_file_load_from_data (kf, text, -1, G_KEY_FILE_NONE, error))
    return NULL;
  g_autoptr (GHashTable) measured = read_confidences (confidences);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (pattern_free);
  gsize n = 0;
  g_auto (GStrv) groups = g_key_file_get_groups (kf, &n);
  for (gsize g = 0; g < n; g++)
    {
      const char *id = groups[g];
      if (strcmp (id, "lists") == 0)
        {
          g_auto (GStrv) keys = g_key_file_get_keys (kf, id, NULL, NULL);
          for (guint k = 0; keys && keys[k]; k++)
            {
              g_autofree char *v = g_key_file_get_string (kf, id, keys[k], NULL);
              List *l = g_new0 (List, 1);
              l->in.bit = -1;
              l->set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_auto (GStrv) words = g_strsplit (v ? v : "", ";", -1);
              for (guint w = 0; words[w]; w++)
                if (*g_strstrip (words[w]))
                  {
                    g_hash_table_add (l->set, g_strdup (words[w]));
                    l->shape[(guchar) words[w][0]] |= shape_bit (strlen (words[w]));
                  }
              if (!lists)
                lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, list_free);
              g_hash_table_replace (lists, g_strdup (keys[k]), l);
            }
          continue;
        }
      NkgPattern *p = g_new0 (NkgPattern, 1);
      g_ptr_array_add (out, p);
      p->id = g_strdup (id);
      p->states = g_key_file_get_string (kf, id, "states", NULL);
      p->code = g_key_file_get_string (kf, id, "code", NULL);
      p->match = g_key_file_get_string (kf, id, "match", NULL);
      g_autofree char *scope = g_key_file_get_string (kf, id, "scope", NULL);
      p->document = scope && strcmp (scope, "document") == 0;
      p->examples = g_ptr_array_new_with_free_func (example_free);
      g_autofree char *conf = g_key_file_get_string (kf, id, "confidence", NULL);
      p->confidence = conf ? g_ascii_strtod (conf, NULL) : 0.5;
      double *m = g_hash_table_lookup (measured, id);
      if (m)
        {
          p->confidence = *m;
          p->measured = TRUE;
        }
      if (!p->code == !p->match)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "pattern %s: give either code or match", id);
          return NULL;
        }
      g_autofree char *facts = g_key_file_get_string (kf, id, "facts", NULL);
      if (p->match)
        {
          GError *e = NULL;
          p->elements = parse_match (p->match, &e);
          p->facts = p->elements ? parse_facts (facts ? facts : "", &e) : NULL;
          if (!p->elements || !p->facts)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "pattern %s: %s", id, e->message);
              g_error_free (e);
              return NULL;
            }
        }
      else
        {
          p->elements = g_ptr_array_new_with_free_func (elem_free);
          p->facts = g_ptr_array_new_with_free_func (spec_free);
        }
      /* Every exampleN, in the order of N: numbers may have gaps (an
       * example dropped), which must not hide the ones after them. */
      g_auto (GStrv) keys = g_key_file_get_keys (kf, id, NULL, NULL);
      g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint k = 0; keys && keys[k]; k++)
        {
          char *rest = NULL;
          guint64 x = g_str_has_prefix (keys[k], "example") ? g_ascii_strtoull (keys[k] + 7, &rest, 10) : 0;
          if (x && rest && !*rest)
            {
              guint n = (guint) x;
              g_array_append_val (numbers, n);
            }
        }
      g_array_sort (numbers, compare_uint);
      for (guint i = 0; i < numbers->len; i++)
        {
          guint x = g_array_index (numbers, guint, i);
          g_autofree char *ek = g_strdup_printf ("example%u", x);
          g_autofree char *fk = g_strdup_printf ("facts%u", x);
          g_autofree char *sentence = g_key_file_get_string (kf, id, ek, NULL);
          if (!sentence)
            continue;
          NkgPatternExample *ex = g_new0 (NkgPatternExample, 1);
          ex->sentence = g_steal_pointer (&sentence);
          ex->must = g_ptr_array_new_with_free_func (g_free);
          ex->must_not = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *ef = g_key_file_get_string (kf, id, fk, NULL);
          split_facts (ef ? ef : "", ex->must, ex->must_not);
          g_ptr_array_add (p->examples, ex);
        }
    }
  return g_steal_pointer (&out);
}

/* Numbers the table's lists and gives each of their words the bits of
 * the lists it is in (in_lists), once, as the table is read. */
static void
index_words (void)
{
  GHashTable *bits_of = g_hash_table_new (g_str_hash, g_str_equal); /* word → index of its bits */
  GHashTableIter it;
  gpointer name, value;
  guint n = 0;
  g_hash_table_iter_init (&it, lists);
  while (g_hash_table_iter_next (&it, &name, &value))
    {
      List *l = value;
      l->in.bit = (gint) n++;
      l->in.word = (guint) l->in.bit / 64;
      l->in.mask = G_GUINT64_CONSTANT (1) << (l->in.bit % 64);
    }
  in_lists_width = MAX (1, (n + 63) / 64);
  g_hash_table_iter_init (&it, lists);
  while (g_hash_table_iter_next (&it, &name, &value))
    {
      GHashTableIter w;
      gpointer word;
      g_hash_table_iter_init (&w, ((List *) value)->set);
      while (g_hash_table_iter_next (&w, &word, NULL))
        if (!g_hash_table_contains (bits_of, word))
          g_hash_table_insert (bits_of, word, GUINT_TO_POINTER (g_hash_table_size (bits_of) + 1));
    }
  /* one more, all clear, for words in no list */
  guint words = g_hash_table_size (bits_of);
  in_lists_bits = g_new0 (guint64, (gsize) (words + 1) * in_lists_width);
  no_lists = in_lists_bits;
  g_hash_table_iter_init (&it, lists);
  while (g_hash_table_iter_next (&it, &name, &value))
    {
      const List *l = value;
      GHashTableIter w;
      gpointer word;
      g_hash_table_iter_init (&w, l->set);
      while (g_hash_table_iter_next (&w, &word, NULL))
        {
          guint64 *bits = in_lists_bits + (gsize) GPOINTER_TO_UINT (g_hash_table_lookup (bits_of, word)) * in_lists_width;
          bits[l->in.word] |= l->in.mask;
        }
    }
  g_hash_table_iter_init (&it, bits_of);
  while (g_hash_table_iter_next (&it, &name, &value))
    g_hash_table_insert (bits_of, name, in_lists_bits + (gsize) GPOINTER_TO_UINT (value) * in_lists_width);
  in_lists = nkg_word_index_new (bits_of);
  words_in_lists = bits_of; /* kept for nkg_word_entry (words.h) */
}

/* Every word of the lists → its bits, and in *none the bits of a word in
 * no list, for words.c; NULL when the lists are not indexed. */
GHashTable *nkg_patterns_word_bits (const guint64 **none);
GHashTable *
nkg_patterns_word_bits (const guint64 **none)
{
  (void) nkg_patterns (NULL);
  *none = in_lists ? no_lists : NULL;
  return in_lists ? words_in_lists : NULL;
}

static gpointer
load (gpointer error_out)
{
  GError **error = error_out;
  g_autoptr (GBytes) text = g_resource_lookup_data (nkg_syntax_get_resource (), "/org/newskg/syntax/patterns.txt", 0,
                                                    error);
  if (!text)
    return NULL;
  g_autoptr (GBytes) conf = g_resource_lookup_data (nkg_syntax_get_resource (),
                                                    "/org/newskg/syntax/pattern-confidence.tsv", 0, NULL);
  g_autofree char *t = g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text));
  g_autofree char *c = conf ? g_strndup (g_bytes_get_data (conf, NULL), g_bytes_get_size (conf)) : NULL;
  GPtrArray *table = nkg_patterns_parse (t, c, error);
  if (table && lists)
    index_words ();
  return table;
}

const GPtrArray *
nkg_patterns (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  static GError *load_error;
  const GPtrArray *p = g_once (&once, load, &load_error);
  if (!p && error)
    *error = g_error_copy (load_error);
  return p;
}

static const List *list_by_name (const char *list);

GHashTable *
nkg_patterns_list (const char *list)
{
  const List *l = list_by_name (list);
  return l ? l->set : NULL;
}

/* A list by its name, asked a hundred thousand times per 300 articles
 * with a few names: each thread remembers the last lists it found, by
 * the address of the name and checked by the name itself, so the name
 * is compared instead of hashed. */
/* room for every name the code asks for (a hundred or so), spread by
 * a multiplicative hash: names sit side by side in read-only data */
enum { SLOTS = 256 };
static _Thread_local struct {
  const char *asked;   /* the caller's pointer */
  const char *name;    /* the table's key */
  const List *list;
} memo[SLOTS];

static guint
memo_slot (const char *list)
{
  return (guint) (((guint64) (guintptr) list * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 56);
}

/* The list this thread found by that name before, or NULL. */
static const List *
memo_find (const char *list)
{
  guint k = memo_slot (list);
  return memo[k].asked == list && strcmp (memo[k].name, list) == 0 ? memo[k].list : NULL;
}

static const List *
list_by_name (const char *list)
{
  if (!lists || !list)
    return NULL;
  const List *found = memo_find (list);
  if (found)
    return found;
  guint k = memo_slot (list);
  gpointer name, l;
  if (!g_hash_table_lookup_extended (lists, list, &name, &l))
    return NULL;
  memo[k].asked = list;
  memo[k].name = name;
  memo[k].list = l;
  return l;
}

gboolean
nkg_patterns_in_list (const char *list, const char *lemma)
{
  return nkg_patterns_word_list_has (nkg_patterns_word_list (list), lemma);
}

gboolean
nkg_patterns_title_ends_in (const char *title, const char *list)
{
  g_autofree char *lower = g_utf8_strdown (title, -1);
  const char *last = strrchr (lower, ' ');
  if (nkg_patterns_in_list (list, last ? last + 1 : lower))
    return TRUE;
  if (!last)
    return FALSE;
  const char *before = last;
  while (before > lower && before[-1] != ' ')
    before--;
  return nkg_patterns_in_list (list, before);
}

const NkgWordList *
nkg_patterns_word_list (const char *list)
{
  /* A list this thread remembers was read already (it is remembered
   * after the table's GOnce): the GOnce is passed only the first time,
   * not a million times a corpus. */
  const List *l = list ? memo_find (list) : NULL;
  if (l)
    return l;
  (void) nkg_patterns (NULL); /* the lists are read with the table */
  return list_by_name (list);
}

gsize
nkg_patterns_word_list_longest (const NkgWordList *l, char first)
{
  guint64 lengths = l ? l->shape[(guchar) first] : 0;
  if (!lengths)
    return 0;
  if (lengths >> 63)
    return G_MAXSIZE; /* shape_bit keeps every length from 63 on in bit 63 */
#if defined(__GNUC__)
  return 63 - (gsize) __builtin_clzll (lengths);
#else
  gsize n = 62;
  while (!((lengths >> n) & 1))
    n--;
  return n;
#endif
}

gboolean
nkg_patterns_word_list_has (const NkgWordList *l, const char *lemma)
{
  if (!l || !lemma)
    return FALSE;
  size_t n = strlen (lemma);
  if (list_has (l, lemma, n))
    return TRUE;
  /* "SUVA — Leaders of …": a capitalised word not at the sentence start
   * is read as a name, its lemma the word as written; the lists hold lower
   * case lemmas ("leader"). */
  if (!g_ascii_isupper (*lemma))
    return FALSE;
  char low[64];
  if (n >= sizeof low || !(l->shape[(guchar) g_ascii_tolower (*lemma)] & (shape_bit (n) | shape_bit (n - 1))))
    return FALSE;
  for (guint i = 0;; i++)
    if (!(low[i] = g_ascii_tolower (lemma[i])))
      break;
  if (list_has (l, low, n))
    return TRUE;
  if (n > 3 && low[n - 1] == 's')
    {
      low[n - 1] = '\0';
      return list_has (l, low, n - 1);
    }
  return FALSE;
}

/* The bits of the lists token t's lower case is in, looked up the first
 * time a token is asked about (the token is its document's, read by one
 * thread); NULL before the table's lists are indexed. */
static const guint64 *
token_lists (const NkgToken *t)
{
  if (!(t->flags & NKG_TOK_LISTS))
    {
      if (!in_lists)
        return NULL;
      /* the token's word, looked up once for every table (words.h) */
      (void) nkg_word_entry (t);
    }
  return t->lists;
}

gboolean
nkg_patterns_word_list_tok_lookup (const NkgWordList *l, const NkgToken *t)
{
  if (!l || !t)
    return FALSE;
  /* (a lower case starting with a capital, which a token's never does,
   * is asked as nkg_patterns_word_list_has asks it) */
  const guint64 *bits = l->in.bit >= 0 && (guchar) (*t->lower - 'A') >= 26 ? token_lists (t) : NULL;
  if (!bits)
    return nkg_patterns_word_list_has (l, t->lower);
  return (bits[l->in.word] & l->in.mask) != 0;
}
gboolean
nkg_patterns_tok_in_list (const char *list, const NkgToken *t)
{
  return nkg_patterns_word_list_tok_has (nkg_patterns_word_list (list), t);
}
