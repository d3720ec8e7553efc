/* graph.c — merging documents into one graph; see graph.h.
 *
 * Identity across documents: a local entity joins a global one of the same
 * coarse class when their canonical names have the same key, or when a
 * multi-word name or an acronym of one is a name of the other. Single-word
 * aliases ("Singh") never merge by themselves: two different Singhs stay
 * apart. A single-word canonical name (an article that only says
 * "Jaishankar") joins the one person whose full name ends with it, and only
 * when exactly one such person exists.
 */
#include "graph.h"

#include <string.h>

#include "graph-private.h"
#include "names.h"
#include "query.h"

/* ------------------------------------------------------------ lifetime */

static void
doc_free (gpointer p)
{
  NkgDoc *d = p;
  g_free (d->iri);
  g_free (d->source);
  g_free (d->title);
  g_free (d->date);
  g_free (d->sha256);
  g_free (d->url);
  g_free (d->format);
  g_free (d->language);
  g_free (d);
}

static void
entity_build_free (NkgEntityBuild *b)
{
  if (!b)
    return;
  g_hash_table_unref (b->forms);
  g_hash_table_unref (b->aliases);
  g_free (b);
}

static void
fact_build_free (NkgFactBuild *b)
{
  if (!b)
    return;
  g_hash_table_unref (b->doc_conf);
  g_hash_table_unref (b->seen_sentences);
  g_free (b);
}

static void
entity_free (gpointer p)
{
  NkgEntity *e = p;
  g_free (e->iri);
  g_free (e->name);
  g_ptr_array_unref (e->aliases);
  g_ptr_array_unref (e->docs);
  g_ptr_array_unref (e->out);
  g_ptr_array_unref (e->in);
  g_ptr_array_unref (e->quotes);
  entity_build_free (e->priv);
  g_free (e);
}

static void
fact_free (gpointer p)
{
  NkgFact *f = p;
  g_free (f->iri);
  g_free (f->literal);
  g_ptr_array_unref (f->docs);
  g_ptr_array_unref (f->evidence);
  fact_build_free (f->priv);
  g_free (f);
}

static void
quote_free (gpointer p)
{
  NkgQuote *q = p;
  g_free (q->iri);
  g_free (q->text);
  g_ptr_array_unref (q->docs);
  g_free (q);
}

NkgGraph *
nkg_graph_new (const char *base)
{
  NkgGraph *g = g_new0 (NkgGraph, 1);
  g->base = g_strdup (base ? base : NKG_DEFAULT_BASE);
  g->docs = g_ptr_array_new_with_free_func (doc_free);
  g->entities = g_ptr_array_new_with_free_func (entity_free);
  g->facts = g_ptr_array_new_with_free_func (fact_free);
  g->quotes = g_ptr_array_new_with_free_func (quote_free);
  g->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->fact_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->quote_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->doc_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->by_iri = g_hash_table_new (g_str_hash, g_str_equal);
  return g;
}

void
nkg_graph_free (NkgGraph *g)
{
  if (!g)
    return;
  g_free (g->base);
  g_ptr_array_unref (g->quotes);
  g_ptr_array_unref (g->facts);
  g_ptr_array_unref (g->entities);
  g_ptr_array_unref (g->docs);
  g_hash_table_unref (g->index);
  g_hash_table_unref (g->fact_index);
  g_hash_table_unref (g->quote_index);
  g_hash_table_unref (g->doc_index);
  g_hash_table_unref (g->by_iri);
  g_free (g);
}

static NkgEntity *
entity_new (NkgClass klass)
{
  NkgEntity *e = g_new0 (NkgEntity, 1);
  e->klass = klass;
  e->aliases = g_ptr_array_new_with_free_func (g_free);
  e->docs = g_ptr_array_new ();
  e->out = g_ptr_array_new ();
  e->in = g_ptr_array_new ();
  e->quotes = g_ptr_array_new ();
  return e;
}

static NkgFact *
fact_new (void)
{
  NkgFact *f = g_new0 (NkgFact, 1);
  f->docs = g_ptr_array_new ();
  f->evidence = g_ptr_array_new_with_free_func (g_free);
  return f;
}

/* ------------------------------------------------------------ merging */

/* Classes that may name the same entity. The coarse class, except that a
 * country never merges with a non-country place: Georgia the country and
 * Georgia the US state stay two nodes. */
static int
merge_group (NkgClass klass)
{
  return klass == NKG_CLASS_COUNTRY ? NKG_CLASS_N : (int) nkg_class_coarse (klass);
}

static char *
merge_key (NkgClass klass, const char *key)
{
  return g_strdup_printf ("%d\t%s", merge_group (klass), key);
}

static char *
surname_key (NkgClass klass, const char *key)
{
  const char *last = strrchr (key, ' ');
  return g_strdup_printf ("%d\tlast:%s", merge_group (klass), last ? last + 1 : key);
}

/* An acronym: 2+ characters, all upper-case letters or digits ("MEA", "US"). */
static gboolean
is_acronym (const char *s)
{
  guint upper = 0;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isupper (c))
        upper++;
      else if (g_unichar_islower (c))
        return FALSE;
    }
  return upper >= 2;
}

/* Whether a surface form is distinctive enough to identify an entity
 * across documents on its own. */
static gboolean
form_links (NkgClass klass, const char *form, gboolean linkable)
{
  g_autofree char *key = nkg_name_key (form);
  if (!*key || !linkable)
    return FALSE;
  guint words = nkg_name_key_words (key);
  NkgClass coarse = nkg_class_coarse (klass);
  /* Agreements and events: only a proper name with two telling words
   * ("Reciprocal Access Agreement", "ASEAN Defence Ministers' Meeting-Plus");
   * descriptions ("the defence framework") are left to cluster.c. */
  if (coarse == NKG_CLASS_EVENT || coarse == NKG_CLASS_AGREEMENT)
    return g_unichar_isupper (g_utf8_get_char (form)) && nkg_name_key_content_words (key) >= 2;
  if (words >= 2)
    return TRUE;
  /* Single words identify places and organisations ("India", "ASEAN"), not
   * people ("Singh"). */
  if (coarse == NKG_CLASS_PLACE)
    return TRUE;
  if (coarse == NKG_CLASS_ORG)
    return is_acronym (form) || g_unichar_isupper (g_utf8_get_char (form));
  return FALSE;
}

static void
register_form (NkgGraph *g, NkgEntity *e, const char *form, gboolean canonical,
               gboolean linkable)
{
  g_autofree char *key = nkg_name_key (form);
  if (!*key)
    return;
  if (canonical && e->klass == NKG_CLASS_PERSON && nkg_name_key_words (key) >= 2)
    {
      char *sk = surname_key (e->klass, key);
      NkgEntity *prev = g_hash_table_lookup (g->index, sk);
      /* A surname shared by two people maps to a sentinel: ambiguous. */
      if (prev == NULL)
        g_hash_table_insert (g->index, sk, e);
      else
        {
          if (prev != e)
            g_hash_table_replace (g->index, g_strdup (sk), GINT_TO_POINTER (1));
          g_free (sk);
        }
    }
  if (!form_links (e->klass, form, linkable))
    {
      /* A person's or place's own canonical name always identifies it. */
      NkgClass coarse = nkg_class_coarse (e->klass);
      if (!canonical || !linkable || coarse == NKG_CLASS_EVENT || coarse == NKG_CLASS_AGREEMENT)
        return;
    }
  char *mk = merge_key (e->klass, key);
  if (!g_hash_table_contains (g->index, mk))
    g_hash_table_insert (g->index, mk, e);
  else
    g_free (mk);
}

static NkgEntity *
lookup_form (NkgGraph *g, NkgClass klass, const char *form)
{
  g_autofree char *key = nkg_name_key (form);
  g_autofree char *mk = merge_key (klass, key);
  return g_hash_table_lookup (g->index, mk);
}

static NkgEntity *
find_global (NkgGraph *g, const NkgLocalEntity *le)
{
  NkgEntity *e = NULL;
  g_autofree char *key = nkg_name_key (le->name);
  NkgClass coarse = nkg_class_coarse (le->klass);
  gboolean by_name = form_links (le->klass, le->name, le->linkable)
                     || (le->linkable && coarse != NKG_CLASS_EVENT && coarse != NKG_CLASS_AGREEMENT);
  if (by_name && (e = lookup_form (g, le->klass, le->name)))
    return e;
  for (guint i = 0; le->linkable && i < le->aliases->len; i++)
    {
      const char *a = g_ptr_array_index (le->aliases, i);
      if (form_links (le->klass, a, TRUE) && (e = lookup_form (g, le->klass, a)))
        return e;
    }
  if (le->linkable && le->klass == NKG_CLASS_PERSON && nkg_name_key_words (key) == 1)
    {
      g_autofree char *sk = surname_key (le->klass, key);
      e = g_hash_table_lookup (g->index, sk);
      if (e == GINT_TO_POINTER (1))
        e = NULL;
    }
  return e;
}

static void
ptr_array_add_unique (GPtrArray *a, gpointer p)
{
  if (!g_ptr_array_find (a, p, NULL))
    g_ptr_array_add (a, p);
}

static char *
fact_key (NkgEntity *s, NkgProp p, NkgEntity *o, const char *lit)
{
  return g_strdup_printf ("%p\t%d\t%p\t%s", (void *) s, p, (void *) o, lit ? lit : "");
}

static void
add_fact (NkgGraph *g, NkgDoc *doc, NkgEntity *s, NkgProp p, NkgEntity *o, const char *lit,
          const char *sentence, double conf)
{
  if (o == s)
    return; /* two local entities merged into one: a self-loop says nothing */
  g_autofree char *key = fact_key (s, p, o, lit);
  NkgFact *f = g_hash_table_lookup (g->fact_index, key);
  if (!f)
    {
      f = fact_new ();
      f->subject = s;
      f->prop = p;
      f->object = o;
      f->literal = g_strdup (lit);
      NkgFactBuild *b = g_new0 (NkgFactBuild, 1);
      b->doc_conf = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      b->seen_sentences = g_hash_table_new (g_str_hash, g_str_equal);
      f->priv = b;
      g_ptr_array_add (g->facts, f);
      g_hash_table_insert (g->fact_index, g_steal_pointer (&key), f);
    }
  NkgFactBuild *b = f->priv;
  double *best = g_hash_table_lookup (b->doc_conf, doc);
  if (!best)
    {
      best = g_new (double, 1);
      *best = conf;
      g_hash_table_insert (b->doc_conf, doc, best);
      g_ptr_array_add (f->docs, doc);
    }
  else if (conf > *best)
    *best = conf;
  if (sentence && *sentence && !g_hash_table_contains (b->seen_sentences, sentence))
    {
      char *copy = g_strdup (sentence);
      g_ptr_array_add (f->evidence, copy);
      g_hash_table_add (b->seen_sentences, copy);
    }
}

void
nkg_graph_add_doc (NkgGraph *g, const NkgDocFacts *df)
{
  g_return_if_fail (!g->finished);
  NkgDoc *doc = g_new0 (NkgDoc, 1);
  doc->source = g_strdup (df->source);
  doc->title = g_strdup (df->title);
  doc->date = g_strdup (df->date);
  doc->sha256 = g_strdup (df->sha256);
  doc->url = g_strdup (df->url);
  doc->format = g_strdup (df->format);
  doc->language = g_strdup (df->language);
  g_ptr_array_add (g->docs, doc);

  g_autofree NkgEntity **map = g_new0 (NkgEntity *, df->entities->len + 1);
  for (guint i = 0; i < df->entities->len; i++)
    {
      const NkgLocalEntity *le = g_ptr_array_index (df->entities, i);
      NkgEntity *e = find_global (g, le);
      if (!e)
        {
          e = entity_new (le->klass);
          NkgEntityBuild *b = g_new0 (NkgEntityBuild, 1);
          b->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          b->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          b->first_seen = g->entities->len;
          e->priv = b;
          g_ptr_array_add (g->entities, e);
        }
      map[i] = e;
      NkgEntityBuild *b = e->priv;
      b->class_votes[le->klass] += 1;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (b->forms, le->name));
      g_hash_table_replace (b->forms, g_strdup (le->name), GUINT_TO_POINTER (n + 1));
      for (guint j = 0; j < le->aliases->len; j++)
        g_hash_table_add (b->aliases, g_strdup (g_ptr_array_index (le->aliases, j)));
      ptr_array_add_unique (e->docs, doc);
      e->mention_count += MAX (le->mentions, 1);
      register_form (g, e, le->name, TRUE, le->linkable);
      for (guint j = 0; j < le->aliases->len; j++)
        register_form (g, e, g_ptr_array_index (le->aliases, j), FALSE, le->linkable);
    }

  for (guint i = 0; i < df->facts->len; i++)
    {
      const NkgLocalFact *lf = g_ptr_array_index (df->facts, i);
      if (lf->subject >= df->entities->len || lf->object >= (gint) df->entities->len)
        continue;
      NkgEntity *s = map[lf->subject];
      NkgEntity *o = lf->object >= 0 ? map[lf->object] : NULL;
      const NkgLocalEvidence *ev = lf->evidence >= 0 && (guint) lf->evidence < df->evidence->len
                                       ? g_ptr_array_index (df->evidence, lf->evidence)
                                       : NULL;
      const char *sentence = ev ? ev->text : NULL;
      add_fact (g, doc, s, lf->prop, o, lf->literal, sentence, lf->confidence);
      if (o && nkg_prop_info (lf->prop)->symmetric)
        add_fact (g, doc, o, lf->prop, s, NULL, sentence, lf->confidence);
    }

  for (guint i = 0; i < df->quotes->len; i++)
    {
      const NkgLocalQuote *lq = g_ptr_array_index (df->quotes, i);
      if (lq->speaker >= df->entities->len)
        continue;
      NkgEntity *sp = map[lq->speaker];
      g_autofree char *norm = g_utf8_normalize (lq->text, -1, G_NORMALIZE_NFC);
      g_autofree char *key = g_strdup_printf ("%p\t%s", (void *) sp, norm);
      NkgQuote *q = g_hash_table_lookup (g->quote_index, key);
      if (!q)
        {
          q = g_new0 (NkgQuote, 1);
          q->speaker = sp;
          q->text = g_strdup (lq->text);
          q->docs = g_ptr_array_new ();
          g_ptr_array_add (g->quotes, q);
          g_hash_table_insert (g->quote_index, g_steal_pointer (&key), q);
        }
      ptr_array_add_unique (q->docs, doc);
    }
}

/* ------------------------------------------------------------ folding */

static NkgEntity *
remapped (GHashTable *remap, NkgEntity *e)
{
  NkgEntity *r = e ? g_hash_table_lookup (remap, e) : NULL;
  return r ? r : e;
}

static void
fold_entity (NkgEntity *into, NkgEntity *e)
{
  NkgEntityBuild *a = into->priv, *b = e->priv;
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, b->forms);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (a->forms, k));
      g_hash_table_replace (a->forms, g_strdup (k), GUINT_TO_POINTER (n + GPOINTER_TO_UINT (v)));
    }
  g_hash_table_iter_init (&it, b->aliases);
  while (g_hash_table_iter_next (&it, &k, NULL))
    g_hash_table_add (a->aliases, g_strdup (k));
  for (int c = 0; c < NKG_CLASS_N; c++)
    a->class_votes[c] += b->class_votes[c];
  for (guint i = 0; i < e->docs->len; i++)
    ptr_array_add_unique (into->docs, g_ptr_array_index (e->docs, i));
  into->mention_count += e->mention_count;
}

static void
fold_fact (NkgFact *into, NkgFact *f)
{
  NkgFactBuild *a = into->priv, *b = f->priv;
  for (guint i = 0; i < f->docs->len; i++)
    {
      NkgDoc *d = g_ptr_array_index (f->docs, i);
      double c = *(double *) g_hash_table_lookup (b->doc_conf, d);
      double *best = g_hash_table_lookup (a->doc_conf, d);
      if (!best)
        {
          best = g_new (double, 1);
          *best = c;
          g_hash_table_insert (a->doc_conf, d, best);
          g_ptr_array_add (into->docs, d);
        }
      else if (c > *best)
        *best = c;
    }
  for (guint i = 0; i < f->evidence->len; i++)
    {
      const char *sentence = g_ptr_array_index (f->evidence, i);
      if (!g_hash_table_contains (a->seen_sentences, sentence))
        {
          char *copy = g_strdup (sentence);
          g_ptr_array_add (into->evidence, copy);
          g_hash_table_add (a->seen_sentences, copy);
        }
    }
}

void
nkg_graph_apply_remap (NkgGraph *g, GHashTable *remap)
{
  if (g_hash_table_size (remap) == 0)
    return;
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      NkgEntity *r = g_hash_table_lookup (remap, e);
      if (r && r != e)
        fold_entity (r, e);
    }

  g_hash_table_remove_all (g->fact_index);
  GPtrArray *kept = g_ptr_array_new_with_free_func (fact_free);
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      NkgEntity *s = remapped (remap, f->subject), *o = remapped (remap, f->object);
      if (s == o)
        {
          fact_free (f);
          continue;
        }
      g_autofree char *key = fact_key (s, f->prop, o, f->literal);
      NkgFact *have = g_hash_table_lookup (g->fact_index, key);
      if (have)
        {
          fold_fact (have, f);
          fact_free (f);
          continue;
        }
      f->subject = s;
      f->object = o;
      g_ptr_array_add (kept, f);
      g_hash_table_insert (g->fact_index, g_steal_pointer (&key), f);
    }
  g_ptr_array_set_free_func (g->facts, NULL);
  g_ptr_array_unref (g->facts);
  g->facts = kept;

  for (guint i = 0; i < g->quotes->len; i++)
    {
      NkgQuote *q = g_ptr_array_index (g->quotes, i);
      q->speaker = remapped (remap, q->speaker);
    }

  /* Drop the folded entities, keeping the others in creation order. */
  GPtrArray *alive = g_ptr_array_new_with_free_func (entity_free);
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      NkgEntity *r = g_hash_table_lookup (remap, e);
      if (r && r != e)
        entity_free (e);
      else
        g_ptr_array_add (alive, e);
    }
  g_ptr_array_set_free_func (g->entities, NULL);
  g_ptr_array_unref (g->entities);
  g->entities = alive;
}

/* ------------------------------------------------------------ finishing */

double
nkg_confidence_combine (const double *per_doc, guint n)
{
  double miss = 1.0;
  for (guint i = 0; i < n; i++)
    miss *= 1.0 - CLAMP (per_doc[i], 0.0, 1.0);
  return 1.0 - miss;
}

typedef struct {
  const char *form;
  gboolean proper;
  guint words;
  guint docs;
} FormRank;

/* Fullest proper form: a proper name over a description ("Framework for
 * the US-India Major Defence Partnership" over "10-year framework"), then
 * most words, then used by most documents, then the longest spelling
 * ("S. Jaishankar" over "S Jaishankar"), then byte order. */
static gint
form_rank_cmp (gconstpointer a, gconstpointer b)
{
  const FormRank *x = a, *y = b;
  if (x->proper != y->proper)
    return x->proper ? -1 : 1;
  if (x->words != y->words)
    return x->words > y->words ? -1 : 1;
  if (x->docs != y->docs)
    return x->docs > y->docs ? -1 : 1;
  gsize lx = strlen (x->form), ly = strlen (y->form);
  if (lx != ly)
    return lx > ly ? -1 : 1;
  return strcmp (x->form, y->form);
}

static gint
str_ptr_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
settle_entity (NkgEntity *e)
{
  NkgEntityBuild *b = e->priv;
  /* Class: the most votes; ties go to the more specific (lower) class. */
  guint best = 0;
  for (int c = 0; c < NKG_CLASS_N; c++)
    if (b->class_votes[c] > best)
      {
        best = b->class_votes[c];
        e->klass = (NkgClass) c;
      }

  g_autoptr (GArray) ranks = g_array_new (FALSE, FALSE, sizeof (FormRank));
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, b->forms);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      g_autofree char *key = nkg_name_key (k);
      FormRank r = { k, g_unichar_isupper (g_utf8_get_char (k)), nkg_name_key_words (key),
                     GPOINTER_TO_UINT (v) };
      g_array_append_val (ranks, r);
    }
  g_array_sort (ranks, form_rank_cmp);
  e->name = g_strdup (g_array_index (ranks, FormRank, 0).form);

  g_autoptr (GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 1; i < ranks->len; i++)
    g_hash_table_add (all, (gpointer) g_array_index (ranks, FormRank, i).form);
  g_hash_table_iter_init (&it, b->aliases);
  while (g_hash_table_iter_next (&it, &k, NULL))
    g_hash_table_add (all, k);
  g_hash_table_remove (all, e->name);
  g_hash_table_iter_init (&it, all);
  while (g_hash_table_iter_next (&it, &k, NULL))
    g_ptr_array_add (e->aliases, g_strdup (k));
  g_ptr_array_sort (e->aliases, str_ptr_cmp);
}

static char *
hash_iri (const char *base, const char *kind, const char *material)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, material, -1);
  sum[16] = '\0';
  return g_strdup_printf ("%s%s/%s", base, kind, sum);
}

static gint
doc_iri_cmp (gconstpointer a, gconstpointer b)
{
  const NkgDoc *x = *(NkgDoc *const *) a, *y = *(NkgDoc *const *) b;
  return strcmp (x->iri, y->iri);
}

static gint
entity_iri_cmp (gconstpointer a, gconstpointer b)
{
  const NkgEntity *x = *(NkgEntity *const *) a, *y = *(NkgEntity *const *) b;
  return strcmp (x->iri, y->iri);
}

static gint
fact_iri_cmp (gconstpointer a, gconstpointer b)
{
  const NkgFact *x = *(NkgFact *const *) a, *y = *(NkgFact *const *) b;
  return strcmp (x->iri, y->iri);
}

static gint
quote_iri_cmp (gconstpointer a, gconstpointer b)
{
  const NkgQuote *x = *(NkgQuote *const *) a, *y = *(NkgQuote *const *) b;
  return strcmp (x->iri, y->iri);
}

/* Within an entity's fact lists: by property, then the other end's name. */
static const char *
fact_other_label (const NkgFact *f, gboolean outgoing)
{
  if (!outgoing)
    return f->subject->name;
  return f->object ? f->object->name : f->literal;
}

static gint
fact_out_cmp (gconstpointer a, gconstpointer b)
{
  const NkgFact *x = *(NkgFact *const *) a, *y = *(NkgFact *const *) b;
  if (x->prop != y->prop)
    return x->prop < y->prop ? -1 : 1;
  int c = g_strcmp0 (fact_other_label (x, TRUE), fact_other_label (y, TRUE));
  return c ? c : strcmp (x->iri, y->iri);
}

static gint
fact_in_cmp (gconstpointer a, gconstpointer b)
{
  const NkgFact *x = *(NkgFact *const *) a, *y = *(NkgFact *const *) b;
  if (x->prop != y->prop)
    return x->prop < y->prop ? -1 : 1;
  int c = g_strcmp0 (fact_other_label (x, FALSE), fact_other_label (y, FALSE));
  return c ? c : strcmp (x->iri, y->iri);
}

char *
nkg_fact_material (const NkgFact *f)
{
  return g_strdup_printf ("%s\t%s\t%s", f->subject->iri, nkg_prop_info (f->prop)->key,
                          f->object ? f->object->iri : f->literal);
}

/* Sorts every array, fills by_iri and the name index, links facts and
 * quotes to their entities. Shared by finish and the Turtle loader. */
void
nkg_graph_index_finished (NkgGraph *g)
{
  g_ptr_array_sort (g->docs, doc_iri_cmp);
  g_ptr_array_sort (g->entities, entity_iri_cmp);
  g_ptr_array_sort (g->facts, fact_iri_cmp);
  g_ptr_array_sort (g->quotes, quote_iri_cmp);

  g_hash_table_remove_all (g->doc_index); /* the loaders' interning is over */
  g_hash_table_remove_all (g->by_iri);
  g_hash_table_unref (g->index);
  g->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      g_hash_table_insert (g->by_iri, e->iri, e);
      g_ptr_array_set_size (e->out, 0);
      g_ptr_array_set_size (e->in, 0);
      g_ptr_array_set_size (e->quotes, 0);
      g_ptr_array_sort (e->docs, doc_iri_cmp);
      for (guint j = 0; j <= e->aliases->len; j++)
        {
          const char *form = j == 0 ? e->name : g_ptr_array_index (e->aliases, j - 1);
          char *key = nkg_name_key (form);
          GPtrArray *list = g_hash_table_lookup (g->index, key);
          if (!list)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (g->index, key, list);
            }
          else
            g_free (key);
          ptr_array_add_unique (list, e);
        }
    }
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      g_ptr_array_add (f->subject->out, f);
      if (f->object)
        g_ptr_array_add (f->object->in, f);
      g_ptr_array_sort (f->docs, doc_iri_cmp);
    }
  for (guint i = 0; i < g->quotes->len; i++)
    {
      NkgQuote *q = g_ptr_array_index (g->quotes, i);
      g_ptr_array_add (q->speaker->quotes, q);
      g_ptr_array_sort (q->docs, doc_iri_cmp);
    }
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      g_ptr_array_sort (e->out, fact_out_cmp);
      g_ptr_array_sort (e->in, fact_in_cmp);
    }
  g->finished = TRUE;
}

void
nkg_graph_finish (NkgGraph *g)
{
  g_return_if_fail (!g->finished);

  /* Documents: IRI from the source name; a clash (same name in two
   * folders) gets a numeric suffix in input order. */
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g->docs->len; i++)
    {
      NkgDoc *d = g_ptr_array_index (g->docs, i);
      g_autofree char *base = g_path_get_basename (d->source);
      char *dot = strrchr (base, '.');
      if (dot && dot != base)
        *dot = '\0'; /* "a.txt" → doc/a */
      g_autofree char *slug = nkg_name_slug (base);
      char *iri = g_strdup_printf ("%sdoc/%s", g->base, slug);
      for (int n = 2; g_hash_table_contains (used, iri); n++)
        {
          g_free (iri);
          iri = g_strdup_printf ("%sdoc/%s-%d", g->base, slug, n);
        }
      d->iri = iri;
      g_hash_table_add (used, g_strdup (iri));
    }

  /* Index lookups during add_doc hold entity pointers; folding frees
   * some, so the index is dropped before it (rebuilt by name after). */
  g_hash_table_remove_all (g->index);
  g_autoptr (GHashTable) remap = nkg_graph_cluster_descriptions (g);
  nkg_graph_apply_remap (g, remap);

  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      settle_entity (e);
      g_autofree char *slug = nkg_name_slug (e->name);
      const char *kind = nkg_class_info (e->klass)->key;
      char *iri = g_strdup_printf ("%s%s/%s", g->base, kind, slug);
      for (int n = 2; g_hash_table_contains (used, iri); n++)
        {
          g_free (iri);
          iri = g_strdup_printf ("%s%s/%s-%d", g->base, kind, slug, n);
        }
      e->iri = iri;
      g_hash_table_add (used, g_strdup (iri));
      entity_build_free (e->priv);
      e->priv = NULL;
    }

  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      NkgFactBuild *b = f->priv;
      g_autofree double *conf = g_new0 (double, f->docs->len + 1);
      for (guint j = 0; j < f->docs->len; j++)
        conf[j] = *(double *) g_hash_table_lookup (b->doc_conf, g_ptr_array_index (f->docs, j));
      f->confidence = nkg_confidence_combine (conf, f->docs->len);
      g_autofree char *material = nkg_fact_material (f);
      f->iri = hash_iri (g->base, "statement", material);
      fact_build_free (b);
      f->priv = NULL;
    }

  for (guint i = 0; i < g->quotes->len; i++)
    {
      NkgQuote *q = g_ptr_array_index (g->quotes, i);
      g_autofree char *material = g_strdup_printf ("%s\t%s", q->speaker->iri, q->text);
      q->iri = hash_iri (g->base, "quote", material);
    }

  g_hash_table_remove_all (g->fact_index);
  g_hash_table_remove_all (g->quote_index);
  nkg_graph_index_finished (g);
}

/* ------------------------------------------------------------ loading helpers */

NkgDoc *
nkg_graph_intern_doc (NkgGraph *g, const char *iri)
{
  NkgDoc *d = g_hash_table_lookup (g->doc_index, iri);
  if (d)
    return d;
  d = g_new0 (NkgDoc, 1);
  d->iri = g_strdup (iri);
  g_ptr_array_add (g->docs, d);
  g_hash_table_insert (g->doc_index, g_strdup (iri), d);
  return d;
}

NkgEntity *
nkg_graph_intern_entity (NkgGraph *g, const char *iri)
{
  NkgEntity *e = g_hash_table_lookup (g->by_iri, iri);
  if (e)
    return e;
  e = entity_new (NKG_CLASS_NONE);
  e->iri = g_strdup (iri);
  g_ptr_array_add (g->entities, e);
  g_hash_table_insert (g->by_iri, e->iri, e);
  return e;
}

/* ------------------------------------------------------------ finding */

NkgEntity *
nkg_graph_entity_by_iri (NkgGraph *g, const char *iri)
{
  return iri ? g_hash_table_lookup (g->by_iri, iri) : NULL;
}

static gint
mentions_desc_cmp (gconstpointer a, gconstpointer b)
{
  const NkgEntity *x = *(NkgEntity *const *) a, *y = *(NkgEntity *const *) b;
  if (x->mention_count != y->mention_count)
    return x->mention_count > y->mention_count ? -1 : 1;
  return strcmp (x->iri, y->iri);
}

GPtrArray *
nkg_graph_find (NkgGraph *g, const char *query)
{
  GPtrArray *out = g_ptr_array_new ();
  NkgEntity *byiri = nkg_graph_entity_by_iri (g, query);
  if (byiri)
    {
      g_ptr_array_add (out, byiri);
      return out;
    }
  g_autofree char *key = nkg_name_key (query);
  GPtrArray *list = g_hash_table_lookup (g->index, key);
  for (guint i = 0; list && i < list->len; i++)
    g_ptr_array_add (out, g_ptr_array_index (list, i));
  g_ptr_array_sort (out, mentions_desc_cmp);
  return out;
}

GPtrArray *
nkg_graph_suggest (NkgGraph *g, const char *query, guint max)
{
  /* One ranking of near names for every caller: query.c's search. */
  g_autoptr (GArray) hits = nkg_query_search (g, query, NKG_CLASS_NONE, max);
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (out, g_array_index (hits, NkgSearchHit, i).entity);
  return out;
}
