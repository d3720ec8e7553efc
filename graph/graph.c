/* graph.c — the graph's lifetime, finishing and IRIs; see graph.h.
 *
 * Documents are staged by nkg_graph_add_doc and merged into entities,
 * facts and quotes at nkg_graph_finish (merge.c), so that the graph
 * depends on the set of documents only. Finishing then joins descriptions
 * of one agreement or event (cluster.c), settles names and classes, mints
 * IRIs and sorts everything by IRI.
 */
#include "graph.h"

#include <string.h>

#include "graph-private.h"
#include "input/digest.h"
#include "names.h"
#include "query.h"

/* ------------------------------------------------------------ lifetime */

void
nkg_graph_doc_free (gpointer p)
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

void
nkg_graph_evidence_free (gpointer p)
{
  NkgEvidence *ev = p;
  g_free (ev->iri);
  g_free (ev->text);
  g_free (ev);
}

static void
entity_build_free (NkgEntityBuild *b)
{
  if (!b)
    return;
  g_hash_table_unref (b->forms);
  g_hash_table_unref (b->aliases);
  if (b->doc_set)
    g_hash_table_unref (b->doc_set);
  g_free (b);
}

static void
fact_fold_free (NkgFactBuild *b)
{
  if (!b->fold)
    return;
  if (b->fold->doc_at)
    g_hash_table_unref (b->fold->doc_at);
  if (b->fold->evidence)
    g_hash_table_unref (b->fold->evidence);
  g_clear_pointer (&b->fold, g_free);
}

static void
fact_build_free (NkgFactBuild *b)
{
  if (!b)
    return;
  if (b->conf_size > G_N_ELEMENTS (b->conf.inline_))
    g_free (b->conf.heap);
  fact_fold_free (b);
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
  g_ptr_array_unref (f->conflicts);
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

/* The fact index: a fact is its own key, (subject, property, object,
 * literal), a missing literal equal to an empty one. */
static guint
fact_key_hash (gconstpointer p)
{
  const NkgFact *f = p;
  guint h = g_direct_hash (f->subject);
  h = h * 31 + (guint) f->prop;
  h = h * 31 + g_direct_hash (f->object);
  return h * 31 + g_str_hash (f->literal ? f->literal : "");
}

static gboolean
fact_key_equal (gconstpointer x, gconstpointer y)
{
  const NkgFact *a = x, *b = y;
  return a->subject == b->subject && a->prop == b->prop && a->object == b->object
         && strcmp (a->literal ? a->literal : "", b->literal ? b->literal : "") == 0;
}

static NkgFact *
fact_lookup (NkgGraph *g, NkgEntity *s, NkgProp p, NkgEntity *o, const char *lit)
{
  NkgFact probe = { .subject = s, .prop = p, .object = o, .literal = (char *) lit };
  return g_hash_table_lookup (g->fact_index, &probe);
}

NkgGraph *
nkg_graph_new (const char *base)
{
  NkgGraph *g = g_new0 (NkgGraph, 1);
  g->base = g_strdup (base ? base : NKG_DEFAULT_BASE);
  g->version = g_strdup (NKG_VERSION);
  g->docs = g_ptr_array_new_with_free_func (nkg_graph_doc_free);
  g->evidence = g_ptr_array_new_with_free_func (nkg_graph_evidence_free);
  g->entities = g_ptr_array_new_with_free_func (entity_free);
  g->facts = g_ptr_array_new_with_free_func (fact_free);
  g->quotes = g_ptr_array_new_with_free_func (quote_free);
  g->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->fact_index = g_hash_table_new (fact_key_hash, fact_key_equal);
  g->quote_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->doc_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->evidence_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->by_iri = g_hash_table_new (g_str_hash, g_str_equal);
  g->stage = nkg_graph_stage_new ();
  return g;
}

void
nkg_graph_free (NkgGraph *g)
{
  if (!g)
    return;
  g_free (g->base);
  g_free (g->version);
  g_ptr_array_unref (g->quotes);
  g_ptr_array_unref (g->facts);
  g_ptr_array_unref (g->entities);
  g_ptr_array_unref (g->evidence);
  g_ptr_array_unref (g->docs);
  g_hash_table_unref (g->evidence_index);
  if (g->index)
    g_hash_table_unref (g->index);
  g_hash_table_unref (g->fact_index);
  g_hash_table_unref (g->quote_index);
  g_hash_table_unref (g->doc_index);
  g_hash_table_unref (g->by_iri);
  nkg_graph_stage_free (g->stage);
  g_free (g);
}

NkgEntity *
nkg_graph_entity_new (NkgClass klass)
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

/* Few facts conflict with any other: they all share one empty list
 * (reference-counted, never added to) until their first conflict, which
 * saves an array header per fact at the peak of a build. */
static GPtrArray *
no_conflicts (void)
{
  static gsize made;
  static GPtrArray *empty;
  if (g_once_init_enter (&made))
    {
      empty = g_ptr_array_new ();
      g_once_init_leave (&made, 1);
    }
  return empty;
}

GPtrArray *
nkg_fact_conflicts_mut (NkgFact *f)
{
  if (f->conflicts == no_conflicts ())
    {
      g_ptr_array_unref (f->conflicts);
      f->conflicts = g_ptr_array_new ();
    }
  return f->conflicts;
}

static NkgFact *
fact_new (void)
{
  NkgFact *f = g_new0 (NkgFact, 1);
  f->docs = g_ptr_array_new ();
  f->evidence = g_ptr_array_new ();
  f->conflicts = g_ptr_array_ref (no_conflicts ());
  return f;
}

NkgFact *
nkg_graph_new_fact (NkgGraph *g, NkgEntity *subject, NkgProp prop, NkgEntity *object,
                    const char *literal)
{
  NkgFact *f = fact_new ();
  f->subject = subject;
  f->prop = prop;
  f->object = object;
  f->literal = g_strdup (literal);
  g_ptr_array_add (g->facts, f);
  return f;
}

/* ------------------------------------------------------------ merging facts */

static void
ptr_array_add_unique (GPtrArray *a, gpointer p)
{
  if (!g_ptr_array_find (a, p, NULL))
    g_ptr_array_add (a, p);
}

/* Appends a document's confidence to the fact's list. */
static void
conf_push (NkgFactBuild *b, guint at, double conf)
{
  guint size = MAX (b->conf_size, G_N_ELEMENTS (b->conf.inline_));
  if (at >= size)
    {
      if (size == G_N_ELEMENTS (b->conf.inline_))
        b->conf.heap = g_memdup2 (b->conf.inline_, sizeof b->conf.inline_);
      size *= 2;
      b->conf.heap = g_renew (double, b->conf.heap, size);
    }
  b->conf_size = size;
  nkg_fact_build_conf (b)[at] = conf;
}

/* Whether the sentence is in the fact's list already: only the sentences
 * of the document being merged, at its end, can be. */
static gboolean
evidence_listed (const NkgFact *f, const NkgEvidence *ev)
{
  for (guint i = f->evidence->len; i > 0; i--)
    {
      const NkgEvidence *have = g_ptr_array_index (f->evidence, i - 1);
      if (have == ev)
        return TRUE;
      if (have->doc != ev->doc)
        return FALSE;
    }
  return FALSE;
}

/* A fact's support: from a document's sentence (`doc`, with `ev` when the
 * extractor tied it to one), or from the gazetteer (`doc` NULL). A
 * gazetteer fact names no document and no sentence: the lexicon said it,
 * whichever article happened to make us look. The facts of one document
 * are merged together, before the next document's (merge.c), and `ev` is
 * a sentence of `doc`. */
void
nkg_graph_merge_fact (NkgGraph *g, NkgDoc *doc, NkgEntity *s, NkgProp p, NkgEntity *o, const char *lit,
          NkgEvidence *ev, double conf)
{
  if (o == s)
    return; /* two local entities merged into one: a self-loop says nothing */
  NkgFact *f = fact_lookup (g, s, p, o, lit);
  if (!f)
    {
      f = nkg_graph_new_fact (g, s, p, o, lit);
      f->priv = g_new0 (NkgFactBuild, 1);
      g_hash_table_add (g->fact_index, f);
    }
  NkgFactBuild *b = f->priv;
  if (!doc)
    {
      f->gazetteer = TRUE;
      b->gazetteer_conf = MAX (b->gazetteer_conf, conf);
      return;
    }
  guint n = f->docs->len;
  if (n && g_ptr_array_index (f->docs, n - 1) == doc)
    {
      double *c = nkg_fact_build_conf (b);
      if (conf > c[n - 1])
        c[n - 1] = conf;
    }
  else
    {
      conf_push (b, n, conf);
      g_ptr_array_add (f->docs, doc);
    }
  if (ev && !evidence_listed (f, ev))
    g_ptr_array_add (f->evidence, ev);
}

/* The 16 hex digits that name a document: of its sha256, or for a document
 * built by hand without one, of its source. */
static char *
doc_key (const char *sha256, const char *source)
{
  gsize n = 0;
  while (sha256 && g_ascii_isxdigit (sha256[n]))
    n++;
  if (n >= 16 && sha256[n] == '\0')
    return g_ascii_strdown (sha256, 16);
  g_autofree char *material = g_strdup_printf ("source\t%s\t%s", source ? source : "",
                                               sha256 ? sha256 : "");
  char *sum = nkg_sha256_hex (material, strlen (material));
  sum[16] = '\0';
  return sum;
}

char *
nkg_graph_doc_iri (const char *base, const char *sha256, const char *source)
{
  g_autofree char *key = doc_key (sha256, source);
  return g_strconcat (base ? base : NKG_DEFAULT_BASE, "doc/", key, NULL);
}

char *
nkg_graph_build_iri (const NkgGraph *g)
{
  return g_strconcat (g->base, "build", NULL);
}

static char *
evidence_key (const NkgDoc *doc, guint start, guint end)
{
  return g_strdup_printf ("%s\t%u\t%u", doc ? doc->iri : "", start, end);
}

/* Evidence IRIs sit beside the document's: base + "evidence/" + the
 * document's 16 hex digits + "-START-END". */
/* Writes n in decimal ending at `end` (exclusive); returns its first digit. */
static char *
put_uint_back (char *end, guint n)
{
  do
    *--end = (char) ('0' + n % 10);
  while (n /= 10);
  return end;
}

/* Built by hand, not with printf: made on the thread that merges, once
 * for every sentence a fact cites (the merge is the serial part of a
 * parallel build). The same bytes as "%sevidence/%s-%u-%u". */
static char *
evidence_iri (NkgGraph *g, const NkgDoc *doc, guint start, guint end)
{
  const char *slash = strrchr (doc->iri, '/');
  const char *id = slash ? slash + 1 : doc->iri;
  char nums[2 * 11 + 2];
  char *p = put_uint_back (nums + sizeof nums, end);
  *--p = '-';
  p = put_uint_back (p, start);
  *--p = '-';
  gsize nb = strlen (g->base), ni = strlen (id), nn = (gsize) (nums + sizeof nums - p);
  char *iri = g_malloc (nb + 9 + ni + nn + 1);
  memcpy (iri, g->base, nb);
  memcpy (iri + nb, "evidence/", 9);
  memcpy (iri + nb + 9, id, ni);
  memcpy (iri + nb + 9 + ni, p, nn);
  iri[nb + 9 + ni + nn] = '\0';
  return iri;
}

NkgEvidence *
nkg_graph_evidence_new (NkgGraph *g, NkgDoc *doc, guint start, guint end, const char *text)
{
  NkgEvidence *ev = g_new0 (NkgEvidence, 1);
  ev->iri = evidence_iri (g, doc, start, end);
  ev->doc = doc;
  ev->start = start;
  ev->end = MAX (start, end);
  ev->text = g_strdup (text ? text : "");
  return ev;
}

NkgEvidence *
nkg_graph_add_evidence (NkgGraph *g, const char *iri, NkgDoc *doc, guint start, guint end,
                        const char *text)
{
  g_autofree char *key = iri ? g_strdup (iri) : evidence_key (doc, start, end);
  NkgEvidence *ev = g_hash_table_lookup (g->evidence_index, key);
  if (ev)
    return ev;
  if (iri)
    {
      ev = g_new0 (NkgEvidence, 1);
      ev->iri = g_strdup (iri);
      ev->doc = doc;
      ev->start = start;
      ev->end = MAX (start, end);
      ev->text = g_strdup (text ? text : "");
    }
  else
    ev = nkg_graph_evidence_new (g, doc, start, end, text);
  g_ptr_array_add (g->evidence, ev);
  g_hash_table_insert (g->evidence_index, g_steal_pointer (&key), ev);
  return ev;
}

/* ------------------------------------------------------------ folding */

/* Lists this short are searched rather than hashed when an entity or a fact
 * is folded into: most statements have a document or two, and a pair of hash tables
 * for each fact that took another was tens of MB at 100 MB of news. */
#define FOLD_SCAN_MAX 32

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
      g_hash_table_insert (a->forms, k, GUINT_TO_POINTER (n + GPOINTER_TO_UINT (v)));
    }
  g_hash_table_iter_init (&it, b->aliases);
  while (g_hash_table_iter_next (&it, &k, NULL))
    g_hash_table_add (a->aliases, k);
  for (int c = 0; c < NKG_CLASS_N; c++)
    a->class_votes[c] += b->class_votes[c];
  a->linkable |= b->linkable;
  /* An entity that many others fold into (a country, a frequent
   * description) lists thousands of documents: searching the list for
   * each document of each entity folded in was quadratic. Past
   * FOLD_SCAN_MAX a set says which are listed; the list's order is the
   * same either way. */
  if (!a->doc_set && into->docs->len + e->docs->len > FOLD_SCAN_MAX)
    {
      a->doc_set = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < into->docs->len; i++)
        g_hash_table_add (a->doc_set, g_ptr_array_index (into->docs, i));
    }
  for (guint i = 0; i < e->docs->len; i++)
    {
      gpointer d = g_ptr_array_index (e->docs, i);
      if (!a->doc_set)
        ptr_array_add_unique (into->docs, d);
      else if (g_hash_table_add (a->doc_set, d))
        g_ptr_array_add (into->docs, d);
    }
  into->mention_count += e->mention_count;
}


/* The index + 1 of `d` in the fact's documents, 0 when not listed. */
static guint
fold_doc_at (NkgFact *into, NkgFactBuild *a, NkgDoc *d)
{
  if (a->fold && a->fold->doc_at)
    return GPOINTER_TO_UINT (g_hash_table_lookup (a->fold->doc_at, d));
  guint at;
  return g_ptr_array_find (into->docs, d, &at) ? at + 1 : 0;
}

static void
fold_fact (NkgFact *into, NkgFact *f)
{
  NkgFactBuild *a = into->priv, *b = f->priv;
  gboolean docs_long = into->docs->len + f->docs->len > FOLD_SCAN_MAX;
  gboolean evidence_long = into->evidence->len + f->evidence->len > FOLD_SCAN_MAX;
  if ((docs_long || evidence_long) && !a->fold)
    a->fold = g_new0 (NkgFactFold, 1);
  if (docs_long && !a->fold->doc_at)
    {
      a->fold->doc_at = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < into->docs->len; i++)
        g_hash_table_insert (a->fold->doc_at, g_ptr_array_index (into->docs, i), GUINT_TO_POINTER (i + 1));
    }
  if (evidence_long && !a->fold->evidence)
    {
      a->fold->evidence = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < into->evidence->len; i++)
        g_hash_table_add (a->fold->evidence, g_ptr_array_index (into->evidence, i));
    }
  for (guint i = 0; i < f->docs->len; i++)
    {
      NkgDoc *d = g_ptr_array_index (f->docs, i);
      double c = nkg_fact_build_conf (b)[i];
      guint at = fold_doc_at (into, a, d);
      if (!at)
        {
          conf_push (a, into->docs->len, c);
          g_ptr_array_add (into->docs, d);
          if (a->fold && a->fold->doc_at)
            g_hash_table_insert (a->fold->doc_at, d, GUINT_TO_POINTER (into->docs->len));
        }
      else if (c > nkg_fact_build_conf (a)[at - 1])
        nkg_fact_build_conf (a)[at - 1] = c;
    }
  GHashTable *evidence_set = a->fold ? a->fold->evidence : NULL;
  for (guint i = 0; i < f->evidence->len; i++)
    {
      NkgEvidence *ev = g_ptr_array_index (f->evidence, i);
      if (evidence_set ? g_hash_table_add (evidence_set, ev)
                       : !g_ptr_array_find (into->evidence, ev, NULL))
        g_ptr_array_add (into->evidence, ev);
    }
  into->gazetteer |= f->gazetteer;
  a->gazetteer_conf = MAX (a->gazetteer_conf, b->gazetteer_conf);
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
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntityBuild *b = ((NkgEntity *) g_ptr_array_index (g->entities, i))->priv;
      if (b)
        g_clear_pointer (&b->doc_set, g_hash_table_unref);
    }

  /* The facts kept are moved down in place (a second array of them all
   * was one more large block at the peak of a build). */
  g_hash_table_remove_all (g->fact_index);
  guint n_kept = 0;
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      NkgEntity *s = remapped (remap, f->subject), *o = remapped (remap, f->object);
      if (s == o)
        {
          fact_free (f);
          continue;
        }
      NkgFact *have = fact_lookup (g, s, f->prop, o, f->literal);
      if (have)
        {
          fold_fact (have, f);
          fact_free (f);
          continue;
        }
      f->subject = s;
      f->object = o;
      g->facts->pdata[n_kept++] = f;
      g_hash_table_add (g->fact_index, f);
    }
  /* what is past n_kept was freed or moved */
  g_ptr_array_set_free_func (g->facts, NULL);
  g_ptr_array_set_size (g->facts, n_kept);
  g_ptr_array_set_free_func (g->facts, fact_free);
  /* Only folding looked documents and sentences up. */
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFactBuild *b = ((NkgFact *) g_ptr_array_index (g->facts, i))->priv;
      fact_fold_free (b);
    }

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

/* ------------------------------------------------------------ on threads */

typedef struct {
  NkgPartFunc fn;
  NkgGraph *g;
  guint part, from, to;
  gpointer data;
} Part;

static gpointer
part_run (gpointer p)
{
  Part *x = p;
  x->fn (x->g, x->part, x->from, x->to, x->data);
  return NULL;
}

guint
nkg_graph_split_run (NkgGraph *g, guint n, guint min_part, NkgPartFunc fn, gpointer data)
{
  guint t = MIN (nkg_graph_threads (g), MAX (n / MAX (min_part, 1), 1));
  g_autofree Part *parts = g_new (Part, t);
  g_autofree GThread **threads = g_new0 (GThread *, t);
  for (guint i = 0; i < t; i++)
    parts[i] = (Part){ fn, g, i, (guint) ((guint64) n * i / t), (guint) ((guint64) n * (i + 1) / t),
                       data };
  for (guint i = 1; i < t; i++)
    threads[i] = g_thread_try_new ("nkg-finish", part_run, &parts[i], NULL);
  part_run (&parts[0]);
  for (guint i = 1; i < t; i++)
    if (threads[i])
      g_thread_join (threads[i]);
    else
      part_run (&parts[i]);
  return t;
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
hash_iri_len (const char *base, const char *kind, const char *material, gsize len)
{
  g_autofree char *sum = nkg_sha256_hex (material, len);
  sum[16] = '\0';
  return g_strconcat (base, kind, "/", sum, NULL);
}

/* While nkg_graph_index_finished runs, each of the graph's documents may
 * carry its place in IRI order + 1 in `priv` (doc_ranks): comparing two
 * of those is comparing their IRIs, without reading the strings, which
 * lie all over the heap. A document without one is compared by IRI. */
static int
doc_order (const NkgDoc *x, const NkgDoc *y)
{
  if (x == y)
    return 0;
  if (x && y && x->priv && y->priv)
    return GPOINTER_TO_SIZE (x->priv) < GPOINTER_TO_SIZE (y->priv) ? -1 : 1;
  return g_strcmp0 (x ? x->iri : NULL, y ? y->iri : NULL);
}

static gint
doc_rank_cmp (gconstpointer a, gconstpointer b)
{
  return doc_order (*(NkgDoc *const *) a, *(NkgDoc *const *) b);
}

/* A fact's sentences in reading order: document, then position. */
static gint
evidence_place_cmp (gconstpointer a, gconstpointer b)
{
  const NkgEvidence *x = *(NkgEvidence *const *) a, *y = *(NkgEvidence *const *) b;
  int c = doc_order (x->doc, y->doc);
  if (c)
    return c;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return strcmp (x->iri, y->iri);
}

static gint
fact_iri_cmp (gconstpointer a, gconstpointer b)
{
  const NkgFact *x = *(NkgFact *const *) a, *y = *(NkgFact *const *) b;
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

/* nkg_fact_material into `m`, without printf's cost per statement. */
static void
fact_material_into (GString *m, const NkgFact *f)
{
  g_string_assign (m, f->subject->iri);
  g_string_append_c (m, '\t');
  g_string_append (m, nkg_prop_info (f->prop)->key);
  g_string_append_c (m, '\t');
  /* printf's "%s" of NULL, which no finished fact has */
  g_string_append (m, f->object ? f->object->iri : f->literal ? f->literal : "(null)");
}

/* Sorts `a` unless it is sorted already: a snapshot stores everything in
 * order, and a merge sort still compares n log n times on sorted input
 * (a quarter of reading a snapshot went there). */
static void
sort_unless_sorted (GPtrArray *a, GCompareFunc cmp)
{
  for (guint i = 1; i < a->len; i++)
    if (cmp (&a->pdata[i - 1], &a->pdata[i]) > 0)
      {
        g_ptr_array_sort (a, cmp);
        return;
      }
}

/* What nkg_graph_sort_by_iri sorts: a key of eight bytes of the IRI, and the item. */
typedef struct {
  guint64 key;
  gpointer item;
} IriKey;

/* The first member of every item struct is its IRI. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (NkgDoc, iri) == 0 && G_STRUCT_OFFSET (NkgEvidence, iri) == 0
                 && G_STRUCT_OFFSET (NkgEntity, iri) == 0 && G_STRUCT_OFFSET (NkgFact, iri) == 0
                 && G_STRUCT_OFFSET (NkgQuote, iri) == 0);

static inline const char *
item_iri (gconstpointer item)
{
  return *(const char *const *) item;
}

static gint
iri_key_cmp (gconstpointer a, gconstpointer b, G_GNUC_UNUSED gpointer unused)
{
  return strcmp (item_iri (((const IriKey *) a)->item), item_iri (((const IriKey *) b)->item));
}

/* Sorts `k` by key, keeping the order of equal keys (a radix sort, a
 * byte at a time from the lowest; a byte all keys share is passed over).
 * Returns `k` or `tmp`, whichever holds the result. */
static IriKey *
radix_sort (IriKey *k, IriKey *tmp, guint n)
{
  for (guint shift = 0; shift < 64; shift += 8)
    {
      guint count[257] = { 0 };
      for (guint i = 0; i < n; i++)
        count[((k[i].key >> shift) & 0xff) + 1]++;
      gboolean one = FALSE;
      for (guint b = 1; b <= 256 && !one; b++)
        one = count[b] == n;
      if (one)
        continue;
      for (guint b = 1; b <= 256; b++)
        count[b] += count[b - 1];
      for (guint i = 0; i < n; i++)
        tmp[count[(k[i].key >> shift) & 0xff]++] = k[i];
      IriKey *t = k;
      k = tmp;
      tmp = t;
    }
  return k;
}

/* Sorts `a` (items whose first member is their IRI) by IRI, in byte order,
 * as a stable sort by strcmp would, by a key: the eight bytes
 * after the prefix every IRI shares ("…/id/statement/"), big-endian, so
 * that the keys' order is those bytes' order; a radix sort orders them,
 * and only IRIs with the same key are compared as strings. The merge sort
 * compared two cold structs and two cold strings n log n times, and the
 * loader's keyed merge sort still compared n log n keys. */
void
nkg_graph_sort_by_iri (GPtrArray *a)
{
  if (a->len < 2)
    return;
  const char *first = item_iri (a->pdata[0]), *prev = first;
  gsize shared = strlen (first);
  gboolean sorted = TRUE;
  for (guint i = 1; i < a->len; i++)
    {
      const char *iri = item_iri (a->pdata[i]);
      gsize k = 0;
      while (k < shared && iri[k] == first[k])
        k++;
      shared = k;
      if (sorted && strcmp (prev, iri) > 0)
        sorted = FALSE;
      prev = iri;
    }
  if (sorted)
    return; /* a snapshot's or a loaded file's order */
  IriKey *keys = g_new (IriKey, 2 * (gsize) a->len);
  for (guint i = 0; i < a->len; i++)
    {
      /* every IRI is at least `shared` bytes long; past its end, zeros,
       * which sort before any byte, as strcmp has it */
      const guchar *rest = (const guchar *) item_iri (a->pdata[i]) + shared;
      guint64 key = 0;
      gboolean ended = FALSE;
      for (guint k = 0; k < 8; k++)
        {
          ended = ended || !rest[k];
          key = key << 8 | (ended ? 0 : rest[k]);
        }
      keys[i] = (IriKey){ key, a->pdata[i] };
    }
  IriKey *by_key = radix_sort (keys, keys + a->len, a->len);
  /* equal keys, in their first order, by the whole IRI: by insertion
   * when few, else by GLib's sort (stable, as the merge sort was) */
  for (guint i = 0; i < a->len;)
    {
      guint j = i + 1;
      while (j < a->len && by_key[j].key == by_key[i].key)
        j++;
      if (j - i > 8)
        g_qsort_with_data (by_key + i, (gint) (j - i), sizeof *by_key, iri_key_cmp, NULL);
      else
        for (guint m = i + 1; m < j; m++)
          {
            IriKey x = by_key[m];
            guint p = m;
            while (p > i && iri_key_cmp (&by_key[p - 1], &x, NULL) > 0)
              {
                by_key[p] = by_key[p - 1];
                p--;
              }
            by_key[p] = x;
          }
      i = j;
    }
  for (guint i = 0; i < a->len; i++)
    a->pdata[i] = by_key[i].item;
  g_free (keys);
}

/* nkg_graph_index_finished's part that reads and changes only the facts'
 * `evidence` and `conflicts` and the graph's evidence: each fact's
 * sentences and conflicts sorted, and the evidence no fact cites any more
 * (its facts were folded away as self-loops) dropped, so every
 * nkg:Evidence node supports something. */
static gpointer
index_evidence (gpointer data)
{
  NkgGraph *g = data;
  /* The sentences cited are marked in their `priv`, which is NULL but
   * while a snapshot is written (graph.h), and cleared again after (a set
   * of them all was 8 MB at 100 MB of news). */
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      sort_unless_sorted (f->evidence, evidence_place_cmp);
      sort_unless_sorted (f->conflicts, fact_iri_cmp);
      for (guint j = 0; j < f->evidence->len; j++)
        ((NkgEvidence *) g_ptr_array_index (f->evidence, j))->priv = GINT_TO_POINTER (1);
    }
  GPtrArray *alive = g_ptr_array_new_with_free_func (nkg_graph_evidence_free);
  for (guint i = 0; i < g->evidence->len; i++)
    {
      NkgEvidence *ev = g_ptr_array_index (g->evidence, i);
      if (ev->priv)
        {
          ev->priv = NULL;
          g_ptr_array_add (alive, ev);
        }
      else
        nkg_graph_evidence_free (ev);
    }
  g_ptr_array_set_free_func (g->evidence, NULL);
  g_ptr_array_unref (g->evidence);
  g->evidence = alive;
  return NULL;
}

static gpointer
sort_facts (gpointer facts)
{
  nkg_graph_sort_by_iri (facts);
  return NULL;
}

/* Each entity's facts, by property and the other end's name: each reads
 * other entities' names, and changes only its own lists. */
static void
sort_relations (NkgGraph *g, G_GNUC_UNUSED guint part, guint from, guint to,
                 G_GNUC_UNUSED gpointer data)
{
  for (guint i = from; i < to; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      sort_unless_sorted (e->out, fact_out_cmp);
      sort_unless_sorted (e->in, fact_in_cmp);
    }
}

/* Gives each document its place + 1 in g->docs, sorted by IRI, in `priv`
 * (see doc_order), when the IRIs are distinct and no `priv` is in use;
 * else none. */
static gboolean
doc_ranks (NkgGraph *g)
{
  for (guint i = 0; i < g->docs->len; i++)
    {
      const NkgDoc *d = g_ptr_array_index (g->docs, i);
      if (d->priv || (i && strcmp (((NkgDoc *) g_ptr_array_index (g->docs, i - 1))->iri, d->iri) >= 0))
        return FALSE;
    }
  for (guint i = 0; i < g->docs->len; i++)
    ((NkgDoc *) g_ptr_array_index (g->docs, i))->priv = GSIZE_TO_POINTER ((gsize) i + 1);
  return TRUE;
}

/* Sorts every array, fills by_iri and the name index, links facts and
 * quotes to their entities. Shared by finish and the Turtle loader. */
void
nkg_graph_index_finished (NkgGraph *g)
{
  /* the statements, the most items, beside the rest */
  GThread *facts_thread = nkg_graph_threads (g) > 1
                              ? g_thread_try_new ("nkg-sort", sort_facts, g->facts, NULL)
                              : NULL;
  nkg_graph_sort_by_iri (g->docs);
  gboolean ranked = doc_ranks (g);
  nkg_graph_sort_by_iri (g->evidence);
  nkg_graph_sort_by_iri (g->entities);
  nkg_graph_sort_by_iri (g->quotes);
  if (facts_thread)
    g_thread_join (facts_thread);
  else
    sort_facts (g->facts);

  g_hash_table_remove_all (g->doc_index); /* the loaders' interning is over */
  g_hash_table_remove_all (g->evidence_index);
  g_hash_table_remove_all (g->by_iri);
  /* The name index is made at the first look-up (nkg_graph_name_index):
   * a build never makes one, and it sat beside the graph at its peak. */
  g_clear_pointer (&g->index, g_hash_table_unref);
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      g_hash_table_insert (g->by_iri, e->iri, e);
      g_ptr_array_set_size (e->out, 0);
      g_ptr_array_set_size (e->in, 0);
      g_ptr_array_set_size (e->quotes, 0);
      sort_unless_sorted (e->docs, doc_rank_cmp);
    }
  /* The facts' sentences and conflicts on a thread of their own: nothing
   * else here reads or changes them, nor the evidence. */
  GThread *ev_thread = g_thread_try_new ("nkg-index", index_evidence, g, NULL);
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      g_ptr_array_add (f->subject->out, f);
      if (f->object)
        g_ptr_array_add (f->object->in, f);
      sort_unless_sorted (f->docs, doc_rank_cmp);
    }
  for (guint i = 0; i < g->quotes->len; i++)
    {
      NkgQuote *q = g_ptr_array_index (g->quotes, i);
      g_ptr_array_add (q->speaker->quotes, q);
      sort_unless_sorted (q->docs, doc_rank_cmp);
    }
  nkg_graph_split_run (g, g->entities->len, NKG_PART_MIN, sort_relations, NULL);
  if (ev_thread)
    g_thread_join (ev_thread);
  else
    index_evidence (g);
  for (guint i = 0; ranked && i < g->docs->len; i++)
    ((NkgDoc *) g_ptr_array_index (g->docs, i))->priv = NULL;
  g->finished = TRUE;
}

/* 8 hex digits of the SHA-256 of `material`: a short, stable suffix. */
static char *
short_hash (const char *material)
{
  char *sum = nkg_sha256_hex (material, strlen (material));
  sum[8] = '\0';
  return sum;
}

/* What tells an entity apart from another of the same class and name:
 * its documents and its names, none of which depend on input order. */
static char *
entity_material (const NkgEntity *e)
{
  g_autoptr (GString) m = g_string_new (e->name);
  g_autoptr (GPtrArray) docs = g_ptr_array_new ();
  for (guint i = 0; i < e->docs->len; i++)
    g_ptr_array_add (docs, ((NkgDoc *) g_ptr_array_index (e->docs, i))->iri);
  g_ptr_array_sort (docs, str_ptr_cmp);
  for (guint i = 0; i < docs->len; i++)
    g_string_append_printf (m, "\n%s", (const char *) g_ptr_array_index (docs, i));
  for (guint i = 0; i < e->aliases->len; i++)
    g_string_append_printf (m, "\t%s", (const char *) g_ptr_array_index (e->aliases, i));
  return g_string_free (g_steal_pointer (&m), FALSE);
}

/* The first document (by IRI) that mentions `e`. */
static const char *
first_doc_iri (const NkgEntity *e)
{
  const char *first = NULL;
  for (guint i = 0; i < e->docs->len; i++)
    {
      const char *iri = ((NkgDoc *) g_ptr_array_index (e->docs, i))->iri;
      if (!first || strcmp (iri, first) < 0)
        first = iri;
    }
  return first ? first : "";
}

static gint
entity_material_cmp (gconstpointer a, gconstpointer b)
{
  const NkgEntity *x = *(NkgEntity *const *) a, *y = *(NkgEntity *const *) b;
  g_autofree char *mx = entity_material (x);
  g_autofree char *my = entity_material (y);
  return strcmp (mx, my);
}

/* Entity IRIs: class and canonical name ("person/rajnath-singh"). Names
 * identify named entities; a description ("the agreement", "similar
 * accords") does not, so it also carries a hash of its name and the first
 * document that mentions it — no counter, so no IRI depends on the order
 * the articles were read in, and adding articles renames none of them.
 * The rare names that still collide (two entities kept apart under one
 * name) are told apart by a hash of their documents and aliases. */
static void
mint_entity_iris (NkgGraph *g)
{
  g_autoptr (GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      NkgEntityBuild *b = e->priv;
      g_autofree char *slug = nkg_name_slug (e->name);
      const char *kind = nkg_class_info (e->klass)->key;
      if (b->linkable)
        e->iri = g_strdup_printf ("%s%s/%s", g->base, kind, slug);
      else
        {
          g_autofree char *key = nkg_name_key (e->name);
          g_autofree char *m = g_strdup_printf ("%s\t%s\t%s", kind, key, first_doc_iri (e));
          g_autofree char *h = short_hash (m);
          e->iri = g_strdup_printf ("%s%s/%s-%s", g->base, kind, slug, h);
        }
      GPtrArray *same = g_hash_table_lookup (groups, e->iri);
      if (!same)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (groups, g_strdup (e->iri), same);
        }
      g_ptr_array_add (same, e);
    }
  /* IRIs in use: every unique one, then each collision's new one */
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, groups);
  while (g_hash_table_iter_next (&it, &k, &v))
    if (((GPtrArray *) v)->len == 1)
      g_hash_table_add (used, g_strdup (k));
  g_hash_table_iter_init (&it, groups);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      GPtrArray *same = v;
      if (same->len < 2)
        continue;
      g_ptr_array_sort (same, entity_material_cmp);
      for (guint j = 0; j < same->len; j++)
        {
          NkgEntity *e = g_ptr_array_index (same, j);
          g_autofree char *m = entity_material (e);
          g_autofree char *h = short_hash (m);
          char *iri = g_strdup_printf ("%s-%s", (const char *) k, h);
          /* identical material: the sorted position is all that is left */
          for (int n = 2; g_hash_table_contains (used, iri); n++)
            {
              g_free (iri);
              iri = g_strdup_printf ("%s-%s-%d", (const char *) k, h, n);
            }
          g_free (e->iri);
          e->iri = iri;
          g_hash_table_add (used, g_strdup (iri));
        }
    }
}

gboolean
nkg_prop_single_valued (NkgProp p)
{
  return p == NKG_PROP_SIGNED_ON || p == NKG_PROP_SIGNED_IN || p == NKG_PROP_DURATION
         || p == NKG_PROP_START_DATE || p == NKG_PROP_LOCATION;
}

/* The places `inner` lies in, following containedInPlace upwards
 * (Kuala Lumpur → Malaysia → Southeast Asia), as a set; found once per
 * place and kept in `memo` (place → set), since a hub's conflict check
 * asks about the same few places for every pair of its facts. */
static GHashTable *
ancestors (GHashTable *memo, const NkgEntity *inner)
{
  GHashTable *seen = g_hash_table_lookup (memo, inner);
  if (seen)
    return seen;
  seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) todo = g_ptr_array_new ();
  g_ptr_array_add (todo, (gpointer) inner);
  for (guint i = 0; i < todo->len; i++)
    {
      const NkgEntity *e = g_ptr_array_index (todo, i);
      for (guint j = 0; j < e->out->len; j++)
        {
          const NkgFact *f = g_ptr_array_index (e->out, j);
          if (f->prop != NKG_PROP_CONTAINED_IN || !f->object)
            continue;
          if (f->object != inner && g_hash_table_add (seen, f->object))
            g_ptr_array_add (todo, f->object);
        }
    }
  g_hash_table_insert (memo, (gpointer) inner, seen);
  return seen;
}

/* Whether `outer` (not `inner` itself) contains `inner`. */
static gboolean
contains (GHashTable *memo, const NkgEntity *outer, const NkgEntity *inner)
{
  return g_hash_table_contains (ancestors (memo, inner), outer);
}

/* The country a city lies in, by the graph's own containment facts. */
static const NkgEntity *
country_of (const NkgEntity *city)
{
  for (guint i = 0; i < city->out->len; i++)
    {
      const NkgFact *f = g_ptr_array_index (city->out, i);
      if (f->prop == NKG_PROP_CONTAINED_IN && f->object && f->object->klass == NKG_CLASS_COUNTRY)
        return f->object;
    }
  return NULL;
}

/* Whether two places cannot both be where one thing happened. Only cities
 * and countries are compared: "Kuala Lumpur" and "Jakarta" disagree, and
 * so do "Kuala Lumpur" and "Indonesia" when the graph knows Kuala Lumpur
 * is in Malaysia; but a venue, a region or a sea ("Malacañang Palace",
 * "Southeast Asia") may well hold, or lie in, the other place even when no
 * fact says so, so they never conflict. One place inside the other is the
 * same claim at two scales. */
static gboolean
places_disagree (GHashTable *memo, const NkgEntity *a, const NkgEntity *b)
{
  if (a == b || contains (memo, a, b) || contains (memo, b, a))
    return FALSE;
  gboolean city_a = a->klass == NKG_CLASS_CITY, city_b = b->klass == NKG_CLASS_CITY;
  gboolean country_a = a->klass == NKG_CLASS_COUNTRY, country_b = b->klass == NKG_CLASS_COUNTRY;
  if ((city_a && city_b) || (country_a && country_b))
    return TRUE;
  if (city_a && country_b)
    return country_of (a) != NULL;
  if (country_a && city_b)
    return country_of (b) != NULL;
  return FALSE;
}

/* Facts' documents are distinct and, once indexed, sorted by IRI: the
 * same set is the same sequence. */
static gboolean
same_docs (const NkgFact *a, const NkgFact *b)
{
  if (a->docs->len != b->docs->len)
    return FALSE;
  return memcmp (a->docs->pdata, b->docs->pdata, a->docs->len * sizeof (gpointer)) == 0;
}

/* Two values of a single-valued property are a conflict when they
 * disagree (two dates, two terms, two cities) and the sources differ: an
 * article that gives both values is read as saying two things we could
 * not tell apart (a ceremony and a signing), not as sources that
 * disagree. */
static gboolean
disagree (GHashTable *memo, const NkgFact *a, const NkgFact *b)
{
  if (same_docs (a, b))
    return FALSE;
  if (a->object && b->object)
    return places_disagree (memo, a->object, b->object);
  return a->literal && b->literal && strcmp (a->literal, b->literal) != 0;
}

/* By property, then IRI: see find_conflicts. */
static gint
fact_prop_iri_cmp (gconstpointer x, gconstpointer y)
{
  const NkgFact *a = *(NkgFact *const *) x, *b = *(NkgFact *const *) y;
  if (a->prop != b->prop)
    return a->prop < b->prop ? -1 : 1;
  return strcmp (a->iri, b->iri);
}

/* find_conflicts on the entities [from, to): each compares only the facts
 * it is the subject of, and changes only their conflict lists. */
static void
entity_conflicts (NkgGraph *g, G_GNUC_UNUSED guint part, guint from, guint to,
                 G_GNUC_UNUSED gpointer data)
{
  g_autoptr (GPtrArray) single = g_ptr_array_new ();
  g_autoptr (GHashTable) memo
      = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  for (guint i = from; i < to; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      /* Only facts of one single-valued property are compared, so they
       * are grouped by property first (every pair of a hub's facts was
       * quadratic in its degree), by IRI within one, so that each fact's
       * conflicts are found in IRI order. */
      single->len = 0;
      for (guint j = 0; j < e->out->len; j++)
        {
          NkgFact *a = g_ptr_array_index (e->out, j);
          if (nkg_prop_single_valued (a->prop))
            g_ptr_array_add (single, a);
        }
      g_ptr_array_sort (single, fact_prop_iri_cmp);
      for (guint j = 0; j < single->len; j++)
        {
          NkgFact *a = g_ptr_array_index (single, j);
          for (guint k = j + 1; k < single->len; k++)
            {
              NkgFact *b = g_ptr_array_index (single, k);
              if (b->prop != a->prop)
                break;
              if (disagree (memo, a, b))
                {
                  g_ptr_array_add (nkg_fact_conflicts_mut (a), b);
                  g_ptr_array_add (nkg_fact_conflicts_mut (b), a);
                }
            }
        }
    }
}

static void
find_conflicts (NkgGraph *g)
{
  nkg_graph_split_run (g, g->entities->len, NKG_PART_MIN, entity_conflicts, NULL);
  /* A fact's conflicts all come from its subject's list, in that list's
   * order, which is by IRI within a property: they are sorted already
   * (sorting each again was a sort per statement, n log n in a hub's). */
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      sort_unless_sorted (f->conflicts, fact_iri_cmp);
    }
}

static void
settle_entities (NkgGraph *g, G_GNUC_UNUSED guint part, guint from, guint to,
                 G_GNUC_UNUSED gpointer data)
{
  for (guint i = from; i < to; i++)
    settle_entity (g_ptr_array_index (g->entities, i));
}

/* Each fact's confidence and statement IRI; its build state freed. */
static void
statement_iris (NkgGraph *g, G_GNUC_UNUSED guint part, guint from, guint to,
                 G_GNUC_UNUSED gpointer data)
{
  g_autoptr (GString) material = g_string_new (NULL);
  for (guint i = from; i < to; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      NkgFactBuild *b = f->priv;
      /* The gazetteer counts as one more independent source, once however
       * many articles made us consult it. */
      g_autofree double *conf = g_new0 (double, f->docs->len + 1);
      for (guint j = 0; j < f->docs->len; j++)
        conf[j] = nkg_fact_build_conf (b)[j];
      if (f->gazetteer)
        conf[f->docs->len] = b->gazetteer_conf;
      f->confidence = nkg_confidence_combine (conf, f->docs->len + (f->gazetteer ? 1 : 0));
      fact_material_into (material, f);
      f->iri = hash_iri_len (g->base, "statement", material->str, material->len);
      fact_build_free (b);
      f->priv = NULL;
    }
}

static void
quote_iris (NkgGraph *g, G_GNUC_UNUSED guint part, guint from, guint to,
                 G_GNUC_UNUSED gpointer data)
{
  g_autoptr (GString) material = g_string_new (NULL);
  for (guint i = from; i < to; i++)
    {
      NkgQuote *q = g_ptr_array_index (g->quotes, i);
      g_string_assign (material, q->speaker->iri);
      g_string_append_c (material, '\t');
      g_string_append (material, q->text);
      q->iri = hash_iri_len (g->base, "quote", material->str, material->len);
    }
}

void
nkg_graph_finish (NkgGraph *g)
{
  g_return_if_fail (!g->finished);

  nkg_graph_merge_staged (g);
  /* Every fact is made: clustering never looks facts up, and folding
   * (nkg_graph_apply_remap) builds the index again only when it has
   * entities to fold. Emptied here (emptying shrinks it), the index of a
   * slot a fact is not beside clustering's tables at the peak of a build. */
  g_hash_table_remove_all (g->fact_index);
  g_autoptr (GHashTable) remap = nkg_graph_cluster_descriptions (g);
  nkg_graph_finish_step (g, "clustering", -1);
  nkg_graph_apply_remap (g, remap);
  g_clear_pointer (&remap, g_hash_table_unref);
  nkg_graph_finish_step (g, "remap", -1);
  /* Facts and quotes are all made: their look-up tables (a slot per fact)
   * would only sit beside the IRIs made below. */
  g_hash_table_remove_all (g->fact_index);
  g_hash_table_remove_all (g->quote_index);

  nkg_graph_split_run (g, g->entities->len, NKG_PART_MIN, settle_entities, NULL);
  mint_entity_iris (g);
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      entity_build_free (e->priv);
      e->priv = NULL;
    }
  /* The interned names the build state pointed into are no longer used
   * (the entities' forms were their last readers): their blocks can take
   * the statements' IRIs and conflicts made next, rather than the graph
   * growing past them. */
  nkg_graph_stage_free (g->stage);
  g->stage = NULL;
  nkg_graph_finish_step (g, "names+IRIs", -1);

  nkg_graph_split_run (g, g->facts->len, NKG_PART_MIN, statement_iris, NULL);
  nkg_graph_split_run (g, g->quotes->len, NKG_PART_MIN, quote_iris, NULL);
  nkg_graph_finish_step (g, "statements", -1);

  nkg_graph_index_finished (g);
  nkg_graph_finish_step (g, "index", -1);
  find_conflicts (g);
  nkg_graph_finish_step (g, "conflicts", -1);
}

void
nkg_graph_set_finish_steps (NkgGraph *g, NkgFinishStepFunc fn, gpointer data)
{
  g->finish_step = fn;
  g->finish_step_data = data;
}

void
nkg_graph_finish_step (NkgGraph *g, const char *step, gint64 thread_cpu_us)
{
  if (g->finish_step)
    g->finish_step (step, thread_cpu_us, g->finish_step_data);
}

gint64
nkg_graph_thread_cpu_us (void)
{
  struct timespec ts;
  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

void
nkg_graph_set_threads (NkgGraph *g, guint threads)
{
  g->threads = threads;
}

guint
nkg_graph_threads (const NkgGraph *g)
{
  return MAX (g->threads, 1);
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
  e = nkg_graph_entity_new (NKG_CLASS_NONE);
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

/* Name keys → GPtrArray of NkgEntity*, in the order of g->entities,
 * each entity once per key; made at the first look-up after finish or
 * loading. */
GHashTable *
nkg_graph_name_index (NkgGraph *g)
{
  if (g->index)
    return g->index;
  g->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
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
          /* Only this entity's own forms came since its first: looking at
           * the last one is enough (a search of the list was quadratic in
           * a name shared by many descriptions). */
          if (!list->len || g_ptr_array_index (list, list->len - 1) != e)
            g_ptr_array_add (list, e);
        }
    }
  return g->index;
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
  GPtrArray *list = g_hash_table_lookup (nkg_graph_name_index (g), key);
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
