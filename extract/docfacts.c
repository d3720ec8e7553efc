/* docfacts.c — container for one document's extraction result. */
#include "docfacts.h"

#include <stdarg.h>
#include <string.h>

/* Hash lookups for the add functions, so that a document with many facts
 * costs linear time. Each table maps a key string to an array position;
 * `synced` says how long each array was when its table was last in step,
 * so arrays changed directly (tests, tools) are re-indexed, not trusted. */
struct NkgDocFactsIndex {
  GHashTable *entities, *facts, *quotes, *evidence;
  guint synced_entities, synced_facts, synced_quotes, synced_evidence;
  /* per entity: a set of its aliases (pointing into its array) once it has
   * many, and how many it had when the set was made */
  GPtrArray *alias_sets;
  GArray *alias_synced;
  /* fact indices, ascending: by subject, and by property */
  GPtrArray *by_subject, *by_prop;
};

static void
array_unref0 (gpointer p)
{
  if (p)
    g_array_unref (p);
}

static void
list_add (GPtrArray *lists, guint key, guint value)
{
  /* grown by halves, not one key at a time: the slots past the last key
   * are NULL, as keys past the end read */
  if (key >= lists->len)
    g_ptr_array_set_size (lists, MAX (key + 1, lists->len + lists->len / 2));
  GArray *l = g_ptr_array_index (lists, key);
  if (!l)
    g_ptr_array_index (lists, key) = l = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (l, value);
}



/* Below this many aliases a scan is as quick as a set. */
#define ALIAS_SET_MIN 16

/* Keys are built by hand, not with printf: they are made for every fact
 * and entity a document adds. Numbers go in as fixed-width hex, fields
 * are separated by \x1f. */
static char *
make_key (const guint *nums, guint n, char tag, const char *text)
{
  gsize tl = text ? strlen (text) : 0;
  char *k = g_malloc (n * 9 + 2 + tl + 1);
  char *p = k;
  static const char hex[] = "0123456789abcdef";
  for (guint i = 0; i < n; i++)
    {
      for (int sh = 28; sh >= 0; sh -= 4)
        *p++ = hex[(nums[i] >> sh) & 0xf];
      *p++ = '\x1f';
    }
  *p++ = tag;
  if (tl)
    memcpy (p, text, tl);
  p[tl] = '\0';
  return k;
}

static char *
entity_key (NkgClass klass, const char *name)
{
  guint nums[] = { (guint) klass };
  return make_key (nums, 1, 'E', name);
}

/* A fact's key: its numbers and its literal in one block, hashed and
 * compared as numbers (made for every fact a document adds or looks for;
 * a string key was formatted, then hashed and compared byte by byte). */
typedef struct {
  guint subject, prop;
  gint object;
  gboolean has_literal;
  char literal[];
} FactKey;

static FactKey *
fact_key_fill (FactKey *k, guint subject, NkgProp prop, gint object, const char *literal, gsize n)
{
  k->subject = subject;
  k->prop = (guint) prop;
  k->object = object;
  k->has_literal = literal != NULL;
  memcpy (k->literal, literal ? literal : "", n + 1);
  return k;
}

static FactKey *
fact_key (guint subject, NkgProp prop, gint object, const char *literal)
{
  gsize n = literal ? strlen (literal) : 0;
  return fact_key_fill (g_malloc (sizeof (FactKey) + n + 1), subject, prop, object, literal, n);
}

/* Room for a fact key to look up with, on the stack: most literals are
 * short (dates, titles), and a key was made and freed for each of the
 * 88,000 look-ups of the real corpus. */
typedef union {
  FactKey key;
  char bytes[sizeof (FactKey) + 96];
} FactKeyBuf;

/* A key for (subject, prop, object, literal) in `buf`, or on the heap in
 * *heap when the literal does not fit. */
static FactKey *
fact_key_buf (FactKeyBuf *buf, FactKey **heap, guint subject, NkgProp prop, gint object, const char *literal)
{
  gsize n = literal ? strlen (literal) : 0;
  if (sizeof (FactKey) + n + 1 <= sizeof buf->bytes)
    return fact_key_fill (&buf->key, subject, prop, object, literal, n);
  return *heap = fact_key (subject, prop, object, literal);
}

static guint
fact_key_hash (gconstpointer p)
{
  const FactKey *k = p;
  guint h = k->subject * 0x9E3779B1u;
  h = (h ^ (h >> 15) ^ k->prop) * 0x85EBCA77u;
  h = (h ^ (h >> 13) ^ (guint) k->object) * 0xC2B2AE3Du;
  h ^= h >> 16;
  return k->has_literal ? h ^ g_str_hash (k->literal) : h;
}

static gboolean
fact_key_equal (gconstpointer a, gconstpointer b)
{
  const FactKey *x = a, *y = b;
  return x->subject == y->subject && x->prop == y->prop && x->object == y->object
         && x->has_literal == y->has_literal && strcmp (x->literal, y->literal) == 0;
}

static char *
quote_key (guint speaker, const char *text)
{
  guint nums[] = { speaker };
  return make_key (nums, 1, 'Q', text);
}

static char *
evidence_key (guint start, guint end)
{
  guint nums[] = { start, end };
  return make_key (nums, 2, 'V', NULL);
}

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Puts key → i unless the key is there: the first position wins, as a
 * linear search from the start would find it. */
static void
table_put (GHashTable *t, gpointer key, guint i)
{
  if (g_hash_table_contains (t, key))
    g_free (key);
  else
    g_hash_table_insert (t, key, GUINT_TO_POINTER (i + 1));
}

static gint
table_get (GHashTable *t, gconstpointer key)
{
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (t, key)) - 1;
}

/* `fresh`: the fact's key is surely not in the table yet (its look-up
 * just failed), so it goes in without a look-up of its own. */
static void
index_fact (struct NkgDocFactsIndex *x, const NkgLocalFact *y, guint i, gboolean fresh)
{
  FactKey *key = fact_key (y->subject, y->prop, y->object, y->literal);
  if (fresh)
    g_hash_table_insert (x->facts, key, GUINT_TO_POINTER (i + 1));
  else
    table_put (x->facts, key, i);
  list_add (x->by_subject, y->subject, i);
  list_add (x->by_prop, y->prop, i);
}

static struct NkgDocFactsIndex *
ix_of (NkgDocFacts *f)
{
  struct NkgDocFactsIndex *x = f->index;
  if (x->synced_entities != f->entities->len)
    {
      g_hash_table_remove_all (x->entities);
      for (guint i = 0; i < f->entities->len; i++)
        {
          NkgLocalEntity *e = g_ptr_array_index (f->entities, i);
          table_put (x->entities, entity_key (e->klass, e->name), i);
        }
      x->synced_entities = f->entities->len;
    }
  if (x->synced_facts != f->facts->len)
    {
      g_hash_table_remove_all (x->facts);
      g_ptr_array_set_size (x->by_subject, 0);
      g_ptr_array_set_size (x->by_prop, 0);
      for (guint i = 0; i < f->facts->len; i++)
        index_fact (x, g_ptr_array_index (f->facts, i), i, FALSE);
      x->synced_facts = f->facts->len;
    }
  if (x->synced_quotes != f->quotes->len)
    {
      g_hash_table_remove_all (x->quotes);
      for (guint i = 0; i < f->quotes->len; i++)
        {
          NkgLocalQuote *q = g_ptr_array_index (f->quotes, i);
          table_put (x->quotes, quote_key (q->speaker, q->text), i);
        }
      x->synced_quotes = f->quotes->len;
    }
  if (x->synced_evidence != f->evidence->len)
    {
      g_hash_table_remove_all (x->evidence);
      for (guint i = 0; i < f->evidence->len; i++)
        {
          NkgLocalEvidence *e = g_ptr_array_index (f->evidence, i);
          table_put (x->evidence, evidence_key (e->start, e->end), i);
        }
      x->synced_evidence = f->evidence->len;
    }
  return x;
}

static void
local_entity_free (gpointer p)
{
  NkgLocalEntity *e = p;
  g_free (e->name);
  g_ptr_array_unref (e->aliases);
  g_free (e);
}

static void
local_fact_free (gpointer p)
{
  NkgLocalFact *f = p;
  g_free (f->literal);
  g_free (f);
}

static void
local_evidence_free (gpointer p)
{
  NkgLocalEvidence *e = p;
  g_free (e->text);
  g_free (e);
}

static void
local_quote_free (gpointer p)
{
  NkgLocalQuote *q = p;
  g_free (q->text);
  g_free (q);
}

static void
index_free (struct NkgDocFactsIndex *x)
{
  if (!x)
    return; /* a document decoded from a shard (nkg_shard_reader_decode_borrowed) */
  g_hash_table_unref (x->entities);
  g_hash_table_unref (x->facts);
  g_hash_table_unref (x->quotes);
  g_hash_table_unref (x->evidence);
  g_ptr_array_unref (x->alias_sets);
  g_array_unref (x->alias_synced);
  g_ptr_array_unref (x->by_subject);
  g_ptr_array_unref (x->by_prop);
  g_free (x);
}

static void
set_unref0 (gpointer p)
{
  if (p)
    g_hash_table_unref (p);
}

NkgDocFacts *
nkg_doc_facts_new (const char *source)
{
  NkgDocFacts *f = g_new0 (NkgDocFacts, 1);
  f->index = g_new0 (struct NkgDocFactsIndex, 1);
  f->index->entities = new_table ();
  f->index->facts = g_hash_table_new_full (fact_key_hash, fact_key_equal, g_free, NULL);
  f->index->quotes = new_table ();
  f->index->evidence = new_table ();
  f->index->alias_sets = g_ptr_array_new_with_free_func (set_unref0);
  f->index->alias_synced = g_array_new (FALSE, TRUE, sizeof (guint));
  f->index->by_subject = g_ptr_array_new_with_free_func (array_unref0);
  f->index->by_prop = g_ptr_array_new_with_free_func (array_unref0);
  f->warnings = g_ptr_array_new_with_free_func (g_free);
  f->source = g_strdup (source);
  f->entities = g_ptr_array_new_with_free_func (local_entity_free);
  f->facts = g_ptr_array_new_with_free_func (local_fact_free);
  f->quotes = g_ptr_array_new_with_free_func (local_quote_free);
  f->evidence = g_ptr_array_new_with_free_func (local_evidence_free);
  return f;
}

void
nkg_doc_facts_free (NkgDocFacts *f)
{
  if (!f)
    return;
  g_free (f->source);
  g_free (f->sha256);
  g_free (f->content_key);
  g_free (f->title);
  g_free (f->date);
  g_free (f->url);
  g_free (f->format);
  g_free (f->language);
  g_ptr_array_unref (f->entities);
  g_ptr_array_unref (f->facts);
  g_ptr_array_unref (f->quotes);
  g_ptr_array_unref (f->evidence);
  g_ptr_array_unref (f->warnings);
  index_free (f->index);
  g_free (f);
}

static gint find_entity_keyed (NkgDocFacts *f, NkgClass klass, const char *name, const char *key);

gint
nkg_doc_facts_find_entity (NkgDocFacts *f, NkgClass klass, const char *name)
{
  g_autofree char *key = entity_key (klass, name);
  return find_entity_keyed (f, klass, name, key);
}

/* nkg_doc_facts_find_entity with the entity's key made already. */
static gint
find_entity_keyed (NkgDocFacts *f, NkgClass klass, const char *name, const char *key)
{
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      gint i = table_get (ix_of (f)->entities, key);
      if (i < 0)
        return -1;
      NkgLocalEntity *e = i < (gint) f->entities->len ? g_ptr_array_index (f->entities, i) : NULL;
      if (e && e->klass == klass && strcmp (e->name, name) == 0)
        return i;
      f->index->synced_entities = G_MAXUINT; /* stale: rebuild and look again */
    }
  return -1;
}

guint
nkg_doc_facts_add_entity (NkgDocFacts *f, NkgClass klass, const char *name, guint mentions)
{
  g_autofree char *key = entity_key (klass, name); /* made once: looked up, then kept */
  gint found = find_entity_keyed (f, klass, name, key);
  if (found >= 0)
    {
      ((NkgLocalEntity *) g_ptr_array_index (f->entities, found))->mentions += mentions;
      return found;
    }
  NkgLocalEntity *e = g_new0 (NkgLocalEntity, 1);
  e->klass = klass;
  e->name = g_strdup (name);
  e->aliases = g_ptr_array_new_with_free_func (g_free);
  e->mentions = mentions;
  e->linkable = TRUE;
  g_ptr_array_add (f->entities, e);
  table_put (f->index->entities, g_steal_pointer (&key), f->entities->len - 1);
  f->index->synced_entities = f->entities->len;
  return f->entities->len - 1;
}

void
nkg_doc_facts_add_alias (NkgDocFacts *f, guint entity, const char *alias)
{
  g_return_if_fail (entity < f->entities->len);
  NkgLocalEntity *e = g_ptr_array_index (f->entities, entity);
  if (!alias || !*alias || strcmp (alias, e->name) == 0)
    return;
  if (e->aliases->len < ALIAS_SET_MIN)
    {
      for (guint i = 0; i < e->aliases->len; i++)
        if (strcmp (g_ptr_array_index (e->aliases, i), alias) == 0)
          return;
      g_ptr_array_add (e->aliases, g_strdup (alias));
      return;
    }
  struct NkgDocFactsIndex *x = f->index;
  if (x->alias_sets->len <= entity)
    {
      g_ptr_array_set_size (x->alias_sets, entity + 1);
      g_array_set_size (x->alias_synced, entity + 1);
    }
  GHashTable *set = g_ptr_array_index (x->alias_sets, entity);
  if (!set || g_array_index (x->alias_synced, guint, entity) != e->aliases->len)
    {
      if (set)
        g_hash_table_unref (set);
      set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < e->aliases->len; i++)
        g_hash_table_add (set, g_ptr_array_index (e->aliases, i));
      g_ptr_array_index (x->alias_sets, entity) = set;
    }
  if (!g_hash_table_contains (set, alias))
    {
      char *copy = g_strdup (alias);
      g_ptr_array_add (e->aliases, copy);
      g_hash_table_add (set, copy);
    }
  g_array_index (x->alias_synced, guint, entity) = e->aliases->len;
}

void
nkg_doc_facts_add_fact (NkgDocFacts *f, guint subject, NkgProp prop, gint object,
                        const char *literal, guint sentence, double confidence)
{
  nkg_doc_facts_add_fact_by (f, subject, prop, object, literal, sentence, confidence, NULL);
}

void
nkg_doc_facts_add_fact_by (NkgDocFacts *f, guint subject, NkgProp prop, gint object,
                           const char *literal, guint sentence, double confidence, const char *pattern)
{
  g_return_if_fail (subject < f->entities->len);
  g_return_if_fail ((object >= 0) != (literal != NULL));
  gint found = nkg_doc_facts_find_fact (f, subject, prop, object, literal);
  if (found >= 0)
    {
      NkgLocalFact *x = g_ptr_array_index (f->facts, found);
      if (confidence > x->confidence)
        {
          x->confidence = confidence;
          x->sentence = sentence;
          x->pattern = pattern;
          x->gazetteer = FALSE; /* a sentence says it; a caller that
                                 * derived it from the lexicon marks it again */
        }
      return;
    }
  NkgLocalFact *x = g_new0 (NkgLocalFact, 1);
  x->subject = subject;
  x->prop = prop;
  x->object = object;
  x->literal = g_strdup (literal);
  x->sentence = sentence;
  x->evidence = -1;
  x->confidence = confidence;
  x->pattern = pattern;
  g_ptr_array_add (f->facts, x);
  index_fact (f->index, x, f->facts->len - 1, TRUE);
  f->index->synced_facts = f->facts->len;
}

const GArray *
nkg_doc_facts_of_subject (NkgDocFacts *f, guint subject)
{
  struct NkgDocFactsIndex *x = ix_of (f);
  return subject < x->by_subject->len ? g_ptr_array_index (x->by_subject, subject) : NULL;
}

const GArray *
nkg_doc_facts_with_prop (NkgDocFacts *f, NkgProp prop)
{
  struct NkgDocFactsIndex *x = ix_of (f);
  return (guint) prop < x->by_prop->len ? g_ptr_array_index (x->by_prop, prop) : NULL;
}

gint
nkg_doc_facts_first (NkgDocFacts *f, guint subject, NkgProp prop)
{
  const GArray *l = nkg_doc_facts_of_subject (f, subject);
  for (guint i = 0; l && i < l->len; i++)
    {
      guint k = g_array_index (l, guint, i);
      if (((NkgLocalFact *) g_ptr_array_index (f->facts, k))->prop == prop)
        return k;
    }
  return -1;
}

gint
nkg_doc_facts_find_fact (NkgDocFacts *f, guint subject, NkgProp prop, gint object, const char *literal)
{
  FactKeyBuf buf;
  g_autofree FactKey *heap = NULL;
  const FactKey *key = fact_key_buf (&buf, &heap, subject, prop, object, literal);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      gint i = table_get (ix_of (f)->facts, key);
      if (i < 0)
        return -1;
      NkgLocalFact *x = i < (gint) f->facts->len ? g_ptr_array_index (f->facts, i) : NULL;
      if (x && x->subject == subject && x->prop == prop && x->object == object
          && g_strcmp0 (x->literal, literal) == 0)
        return i;
      f->index->synced_facts = G_MAXUINT;
    }
  return -1;
}

void
nkg_doc_facts_remove_facts (NkgDocFacts *f, const gboolean *drop)
{
  guint n = 0;
  for (guint i = 0; i < f->facts->len; i++)
    {
      NkgLocalFact *x = g_ptr_array_index (f->facts, i);
      if (drop[i])
        local_fact_free (x);
      else
        g_ptr_array_index (f->facts, n++) = x;
    }
  if (n == f->facts->len)
    return; /* none dropped (most documents): every position holds, and so does the index */
  /* The dropped ones are freed already: shrink without the free function. */
  g_ptr_array_set_free_func (f->facts, NULL);
  g_ptr_array_set_size (f->facts, n);
  g_ptr_array_set_free_func (f->facts, local_fact_free);
  f->index->synced_facts = G_MAXUINT;
}

void
nkg_doc_facts_remove_entities (NkgDocFacts *f, const gboolean *drop)
{
  g_autofree guint *to = g_new (guint, f->entities->len + 1);
  guint n = 0;
  for (guint i = 0; i < f->entities->len; i++)
    {
      NkgLocalEntity *e = g_ptr_array_index (f->entities, i);
      to[i] = n;
      if (drop[i])
        local_entity_free (e);
      else
        g_ptr_array_index (f->entities, n++) = e;
    }
  g_ptr_array_set_free_func (f->entities, NULL);
  g_ptr_array_set_size (f->entities, n);
  g_ptr_array_set_free_func (f->entities, local_entity_free);
  for (guint i = 0; i < f->facts->len; i++)
    {
      NkgLocalFact *x = g_ptr_array_index (f->facts, i);
      g_return_if_fail (!drop[x->subject] && (x->object < 0 || !drop[x->object]));
      x->subject = to[x->subject];
      if (x->object >= 0)
        x->object = (gint) to[x->object];
    }
  for (guint i = 0; i < f->quotes->len; i++)
    {
      NkgLocalQuote *q = g_ptr_array_index (f->quotes, i);
      g_return_if_fail (!drop[q->speaker]);
      q->speaker = to[q->speaker];
    }
  /* Every index keyed by entity position is stale. */
  g_ptr_array_set_size (f->index->alias_sets, 0);
  g_array_set_size (f->index->alias_synced, 0);
  f->index->synced_entities = G_MAXUINT;
  f->index->synced_facts = G_MAXUINT;
  f->index->synced_quotes = G_MAXUINT;
}

void
nkg_doc_facts_warn (NkgDocFacts *f, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_ptr_array_add (f->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

void
nkg_doc_facts_add_quote (NkgDocFacts *f, guint speaker, const char *text)
{
  g_return_if_fail (speaker < f->entities->len);
  g_autofree char *key = quote_key (speaker, text);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      gint i = table_get (ix_of (f)->quotes, key);
      if (i < 0)
        break;
      NkgLocalQuote *q = i < (gint) f->quotes->len ? g_ptr_array_index (f->quotes, i) : NULL;
      if (q && q->speaker == speaker && strcmp (q->text, text) == 0)
        return;
      f->index->synced_quotes = G_MAXUINT;
    }
  NkgLocalQuote *q = g_new0 (NkgLocalQuote, 1);
  q->speaker = speaker;
  q->text = g_strdup (text);
  g_ptr_array_add (f->quotes, q);
  table_put (f->index->quotes, g_steal_pointer (&key), f->quotes->len - 1);
  f->index->synced_quotes = f->quotes->len;
}

guint
nkg_doc_facts_add_evidence (NkgDocFacts *f, guint start, guint end, const char *text)
{
  g_autofree char *key = evidence_key (start, end);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      gint i = table_get (ix_of (f)->evidence, key);
      if (i < 0)
        break;
      NkgLocalEvidence *e = i < (gint) f->evidence->len ? g_ptr_array_index (f->evidence, i) : NULL;
      if (e && e->start == start && e->end == end)
        return i;
      f->index->synced_evidence = G_MAXUINT;
    }
  NkgLocalEvidence *e = g_new0 (NkgLocalEvidence, 1);
  e->start = start;
  e->end = end;
  e->text = g_strdup (text);
  g_ptr_array_add (f->evidence, e);
  table_put (f->index->evidence, g_steal_pointer (&key), f->evidence->len - 1);
  f->index->synced_evidence = f->evidence->len;
  return f->evidence->len - 1;
}

void
nkg_doc_facts_add_fact_text (NkgDocFacts *f, guint subject, NkgProp prop, gint object,
                             const char *literal, const char *sentence, double confidence)
{
  nkg_doc_facts_add_fact (f, subject, prop, object, literal, 0, confidence);
  gint found = nkg_doc_facts_find_fact (f, subject, prop, object, literal);
  NkgLocalFact *x = found >= 0 ? g_ptr_array_index (f->facts, found) : NULL;
  if (!x || !sentence)
    return;
  guint end = 0;
  for (guint i = 0; i < f->evidence->len; i++)
    {
      NkgLocalEvidence *e = g_ptr_array_index (f->evidence, i);
      if (strcmp (e->text, sentence) == 0)
        {
          x->evidence = (gint) i;
          return;
        }
      end = MAX (end, e->end + 1);
    }
  guint len = (guint) g_utf8_strlen (sentence, -1);
  x->evidence = (gint) nkg_doc_facts_add_evidence (f, end, end + len, sentence);
}
