/* merge.c — documents into entities, facts and quotes, whatever order
 * they were added in.
 *
 * nkg_graph_add_doc only stages a document: its facts are copied into a
 * compact record (strings interned once for the whole graph, evidence
 * sentences as the graph's own nodes), and the document is checked
 * against the others with the same content key (PLAN D5). Nothing is
 * merged until nkg_graph_finish, which merges every staged document at
 * once, so that the graph depends on the set of documents only — not on
 * the order of the inputs, the split into shards, or which thread
 * finished first.
 *
 * Identity across documents is a union-find over the local entities of
 * all documents: two local entities are one entity when they share a
 * distinctive name key (graph.c's rules of which names link), directly or
 * through others. Then a lone one-word person name ("Jaishankar") joins
 * the one person whose full name ends with it, when exactly one such
 * person exists in the whole set; with two, it stays apart. Both rules
 * look at the finished set of keys, so neither depends on which document
 * came first, as the greedy merge of earlier versions did (where the
 * first entity registered under a key took every later mention).
 *
 * Staging costs memory (a few dozen bytes per local entity and fact, and
 * the evidence sentences the graph keeps anyway) but not time at the end:
 * the expensive part, name keys, is computed while staging, on the
 * thread that adds documents while others extract.
 */
#include <string.h>

#include "graph-private.h"
#include "names.h"
#include "extract/textutil.h"

enum {
  LOCAL_LINKABLE = 1 << 0,
  LOCAL_SEEKS_SURNAME = 1 << 1,  /* a one-word person name: the surname it may stand for */
  LOCAL_OFFERS_SURNAME = 1 << 2, /* a full person name: the surname it ends in */
};

typedef struct {
  const char *name;    /* interned, as are all strings below */
  const char *surname; /* merge key of the surname sought or offered, or NULL */
  guint32 mentions;
  guint32 first;       /* into the document's strs: n_aliases aliases, then n_keys keys */
  guint32 n_aliases, n_keys;
  guint8 klass;
  guint8 flags;
} StagedEntity;

typedef struct {
  const char *literal;
  NkgEvidence *evidence; /* the document's (staged->evidence), or NULL */
  double confidence;
  guint32 subject;
  gint32 object;
  guint8 prop;
  gboolean gazetteer;
} StagedFact;

typedef struct {
  const char *text;
  guint32 speaker;
} StagedQuote;

typedef struct {
  NkgDoc *doc;
  char *key;           /* content key (or the document IRI when none was given) */
  StagedEntity *entities;
  StagedFact *facts;
  StagedQuote *quotes;
  const char **strs;
  GPtrArray *evidence; /* NkgEvidence*, owned until merged */
  guint n_entities, n_facts, n_quotes;
} StagedDoc;

/* What stage_entity works out from a surface form and a class (a pure
 * function of the two), kept for the next local entity with that form:
 * the same names come back in document after document, and their keys
 * were most of staging a document read back from a state. */
typedef struct {
  const char *form;     /* interned */
  guint klass;
  gboolean as_name_done, as_alias_done;
  const char *name_key; /* merge key when the form is a canonical name, or NULL */
  const char *surname;  /* and for a person, the surname key (or NULL) */
  guint8 surname_flag;
  const char *alias_key; /* merge key when the form is an alias, or NULL */
} FormKeys;

struct _NkgGraphStage {
  GStringChunk *strings; /* every interned string; outlives the merge */
  GHashTable *by_key;    /* content key → StagedDoc* (owned) */
  GHashTable *forms;     /* FormKeys* (owned) by (interned form, class) */
};

static void
staged_doc_free (gpointer p)
{
  StagedDoc *s = p;
  if (!s)
    return;
  if (s->doc)
    nkg_graph_doc_free (s->doc);
  if (s->evidence)
    g_ptr_array_unref (s->evidence);
  g_free (s->key);
  g_free (s->entities);
  g_free (s->facts);
  g_free (s->quotes);
  g_free (s->strs);
  g_free (s);
}

static guint
form_keys_hash (gconstpointer p)
{
  const FormKeys *k = p;
  return g_direct_hash (k->form) * 31 + k->klass;
}

static gboolean
form_keys_equal (gconstpointer a, gconstpointer b)
{
  const FormKeys *x = a, *y = b;
  return x->form == y->form && x->klass == y->klass;
}

NkgGraphStage *
nkg_graph_stage_new (void)
{
  NkgGraphStage *st = g_new0 (NkgGraphStage, 1);
  st->strings = g_string_chunk_new (64 * 1024);
  st->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, staged_doc_free);
  st->forms = g_hash_table_new_full (form_keys_hash, form_keys_equal, g_free, NULL);
  return st;
}

void
nkg_graph_stage_free (NkgGraphStage *st)
{
  if (!st)
    return;
  g_hash_table_unref (st->by_key);
  g_hash_table_unref (st->forms);
  g_string_chunk_free (st->strings);
  g_free (st);
}

static const char *
intern (NkgGraphStage *st, const char *s)
{
  return s ? g_string_chunk_insert_const (st->strings, s) : NULL;
}

/* ------------------------------------------------------------ which names link */

/* Classes that may name the same entity. The coarse class, except that a
 * country never merges with a non-country place: Georgia the country and
 * Georgia the US state stay two nodes. */
static int
merge_group (NkgClass klass)
{
  return klass == NKG_CLASS_COUNTRY ? NKG_CLASS_N : (int) nkg_class_coarse (klass);
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

/* Whether a surface form (with name key `key`) is distinctive enough to
 * identify an entity across documents on its own. */
static gboolean
form_links (NkgClass klass, const char *form, const char *key, gboolean linkable)
{
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

static const char *
intern_merge_key (NkgGraphStage *st, NkgClass klass, const char *kind, const char *key)
{
  g_autofree char *mk = g_strdup_printf ("%d\t%s%s", merge_group (klass), kind, key);
  return intern (st, mk);
}

/* The keys of an interned form in a class, as a canonical name
 * (`as_name`) or as an alias: worked out at the first local entity with
 * it, then looked up. */
static const FormKeys *
form_keys (NkgGraphStage *st, NkgClass klass, const char *form, gboolean as_name)
{
  FormKeys probe = { .form = form, .klass = (guint) klass };
  FormKeys *k = g_hash_table_lookup (st->forms, &probe);
  if (!k)
    {
      k = g_memdup2 (&probe, sizeof probe);
      g_hash_table_add (st->forms, k);
    }
  if (as_name ? k->as_name_done : k->as_alias_done)
    return k;
  g_autofree char *key = nkg_name_key (form);
  if (as_name)
    {
      NkgClass coarse = nkg_class_coarse (klass);
      if (*key && (form_links (klass, form, key, TRUE)
                   || (coarse != NKG_CLASS_EVENT && coarse != NKG_CLASS_AGREEMENT)))
        k->name_key = intern_merge_key (st, klass, "", key);
      if (klass == NKG_CLASS_PERSON && *key)
        {
          guint words = nkg_name_key_words (key);
          const char *last = strrchr (key, ' ');
          k->surname = intern_merge_key (st, klass, "last:", last ? last + 1 : key);
          k->surname_flag = words >= 2 ? LOCAL_OFFERS_SURNAME : LOCAL_SEEKS_SURNAME;
        }
      k->as_name_done = TRUE;
    }
  else
    {
      if (form_links (klass, form, key, TRUE))
        k->alias_key = intern_merge_key (st, klass, "", key);
      k->as_alias_done = TRUE;
    }
  return k;
}

/* The merge keys of one local entity: its own name when that identifies it
 * (a person's or place's canonical name always does, when it is a name and
 * not a description), and every alias distinctive on its own. A local
 * entity that is not linkable has none: it stays in its document. */
static void
stage_entity (NkgGraphStage *st, const NkgLocalEntity *le, StagedEntity *se, GPtrArray *strs)
{
  se->name = intern (st, le->name);
  se->mentions = MAX (le->mentions, 1);
  se->klass = (guint8) le->klass;
  se->flags = le->linkable ? LOCAL_LINKABLE : 0;
  se->first = strs->len;
  for (guint j = 0; j < le->aliases->len; j++)
    g_ptr_array_add (strs, (gpointer) intern (st, g_ptr_array_index (le->aliases, j)));
  se->n_aliases = strs->len - se->first;
  if (!le->linkable)
    return;

  const FormKeys *name = form_keys (st, le->klass, se->name, TRUE);
  if (name->name_key)
    g_ptr_array_add (strs, (gpointer) name->name_key);
  for (guint j = 0; j < se->n_aliases; j++)
    {
      const FormKeys *a = form_keys (st, le->klass, strs->pdata[se->first + j], FALSE);
      if (a->alias_key)
        g_ptr_array_add (strs, (gpointer) a->alias_key);
    }
  se->n_keys = strs->len - se->first - se->n_aliases;
  se->surname = name->surname;
  se->flags |= name->surname_flag;
}

/* ------------------------------------------------------------ staging */

/* Documents with one content key are one document (PLAN D5); the one kept
 * is the least by source, then sha256. Sources compare byte by byte with
 * '#' lowest, so that the records of a container ("feed.rss#item-2") sort
 * right after its name, as the input layer reads them: files in the order
 * of their sources, each file's records together. */
int
nkg_source_cmp (const char *a, const char *b)
{
  const guchar *x = (const guchar *) (a ? a : ""), *y = (const guchar *) (b ? b : "");
  for (;; x++, y++)
    {
      guint cx = *x == '#' ? 1 : *x, cy = *y == '#' ? 1 : *y;
      if (cx != cy)
        return cx < cy ? -1 : 1;
      if (!cx)
        return 0;
    }
}

static int
staged_keep_cmp (const NkgDoc *a, const NkgDoc *b)
{
  int c = nkg_source_cmp (a->source, b->source);
  return c ? c : g_strcmp0 (a->sha256, b->sha256);
}

/* One node per (document, start, end), however many facts cite it. */
static NkgEvidence *
stage_evidence (NkgGraph *g, StagedDoc *s, GHashTable *made, const NkgDocFacts *df, gint index)
{
  if (index < 0 || (guint) index >= df->evidence->len)
    return NULL;
  const NkgLocalEvidence *le = g_ptr_array_index (df->evidence, index);
  gint64 place = ((gint64) le->start << 32) | le->end;
  NkgEvidence *ev = g_hash_table_lookup (made, &place);
  if (ev)
    return ev;
  ev = nkg_graph_evidence_new (g, s->doc, le->start, le->end, le->text);
  g_ptr_array_add (s->evidence, ev);
  g_hash_table_insert (made, g_memdup2 (&place, sizeof place), ev);
  return ev;
}

gboolean
nkg_graph_add_doc (NkgGraph *g, const NkgDocFacts *df)
{
  g_return_val_if_fail (!g->finished, FALSE);
  for (guint i = 0; i < df->entities->len; i++)
    {
      const NkgLocalEntity *le = g_ptr_array_index (df->entities, i);
      g_return_val_if_fail (le->klass >= 0 && le->klass < NKG_CLASS_N, FALSE);
    }
  NkgGraphStage *st = g->stage;
  NkgDoc *doc = g_new0 (NkgDoc, 1);
  doc->iri = nkg_graph_doc_iri (g->base, df->sha256, df->source);
  doc->source = g_strdup (df->source);
  doc->title = g_strdup (df->title);
  doc->date = g_strdup (df->date);
  doc->sha256 = g_strdup (df->sha256);
  doc->url = g_strdup (df->url);
  doc->format = g_strdup (df->format);
  doc->language = g_strdup (df->language);

  /* Documents built by hand have no content key: then the same text (the
   * same IRI) is the same document. */
  const char *key = df->content_key ? df->content_key : doc->iri;
  StagedDoc *have = g_hash_table_lookup (st->by_key, key);
  if (have && staged_keep_cmp (have->doc, doc) <= 0)
    {
      nkg_graph_doc_free (doc);
      return FALSE;
    }

  StagedDoc *s = g_new0 (StagedDoc, 1);
  s->doc = doc;
  s->key = g_strdup (key);
  s->evidence = g_ptr_array_new_with_free_func (nkg_graph_evidence_free);
  g_autoptr (GPtrArray) strs = g_ptr_array_new ();
  s->n_entities = df->entities->len;
  s->entities = g_new0 (StagedEntity, s->n_entities);
  for (guint i = 0; i < df->entities->len; i++)
    stage_entity (st, g_ptr_array_index (df->entities, i), &s->entities[i], strs);
  s->strs = (const char **) g_ptr_array_free (g_steal_pointer (&strs), FALSE);

  g_autoptr (GHashTable) made = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  s->facts = g_new0 (StagedFact, df->facts->len);
  for (guint i = 0; i < df->facts->len; i++)
    {
      const NkgLocalFact *lf = g_ptr_array_index (df->facts, i);
      if (lf->subject >= df->entities->len || lf->object >= (gint) df->entities->len
          || lf->object < -1 || (guint) lf->prop >= NKG_PROP_N)
        continue;
      StagedFact *sf = &s->facts[s->n_facts++];
      sf->subject = lf->subject;
      sf->object = lf->object;
      sf->literal = lf->object < 0 ? intern (st, lf->literal) : NULL;
      sf->prop = (guint8) lf->prop;
      sf->confidence = lf->confidence;
      sf->gazetteer = lf->gazetteer;
      /* A gazetteer fact names no sentence: the lexicon said it. */
      sf->evidence = lf->gazetteer ? NULL : stage_evidence (g, s, made, df, lf->evidence);
    }

  s->quotes = g_new0 (StagedQuote, df->quotes->len);
  for (guint i = 0; i < df->quotes->len; i++)
    {
      const NkgLocalQuote *lq = g_ptr_array_index (df->quotes, i);
      if (lq->speaker >= df->entities->len)
        continue;
      StagedQuote *sq = &s->quotes[s->n_quotes++];
      sq->speaker = lq->speaker;
      sq->text = intern (st, lq->text ? lq->text : "");
    }

  /* The new document wins over the one it displaces (or has none). */
  g_hash_table_replace (st->by_key, s->key, s);
  return TRUE;
}

guint
nkg_graph_n_staged (const NkgGraph *g)
{
  return g->stage ? g_hash_table_size (g->stage->by_key) : 0;
}

/* ------------------------------------------------------------ merging */

/* The smaller index is the root: a component is named by its first local
 * entity in the canonical order, whichever union made it. */
static void
uf_union (guint *parent, guint a, guint b)
{
  a = nkg_uf_find (parent, a);
  b = nkg_uf_find (parent, b);
  if (a < b)
    parent[b] = a;
  else if (b < a)
    parent[a] = b;
}

/* The canonical order of documents: sha256 (the document IRI for documents
 * built by hand), then source. */
static gint
staged_order_cmp (gconstpointer a, gconstpointer b)
{
  const StagedDoc *x = *(StagedDoc *const *) a, *y = *(StagedDoc *const *) b;
  int c = strcmp (x->doc->sha256 ? x->doc->sha256 : x->doc->iri,
                  y->doc->sha256 ? y->doc->sha256 : y->doc->iri);
  if (c)
    return c;
  c = g_strcmp0 (x->doc->source, y->doc->source);
  return c ? c : strcmp (x->doc->iri, y->doc->iri);
}

/* The staged documents in the canonical order, borrowed from the stage. */
static GPtrArray *
staged_in_order (NkgGraphStage *st)
{
  GPtrArray *docs = g_ptr_array_new ();
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init (&it, st->by_key);
  while (g_hash_table_iter_next (&it, NULL, &v))
    g_ptr_array_add (docs, v);
  g_ptr_array_sort (docs, staged_order_cmp);
  return docs;
}

static NkgEntity *
entity_for (NkgGraph *g, NkgClass klass)
{
  NkgEntity *e = nkg_graph_entity_new (klass);
  NkgEntityBuild *b = g_new0 (NkgEntityBuild, 1);
  b->forms = g_hash_table_new (NULL, NULL);
  b->aliases = g_hash_table_new (NULL, NULL);
  e->priv = b;
  g_ptr_array_add (g->entities, e);
  return e;
}

static void
add_local (NkgEntity *e, const StagedDoc *s, const StagedEntity *se)
{
  NkgEntityBuild *b = e->priv;
  b->class_votes[se->klass] += 1;
  b->linkable |= (se->flags & LOCAL_LINKABLE) != 0;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (b->forms, se->name));
  g_hash_table_insert (b->forms, (gpointer) se->name, GUINT_TO_POINTER (n + 1));
  for (guint j = 0; j < se->n_aliases; j++)
    g_hash_table_add (b->aliases, (gpointer) s->strs[se->first + j]);
  /* A document's local entities are merged one after another, so a
   * document already listed is the last one. */
  if (!e->docs->len || g_ptr_array_index (e->docs, e->docs->len - 1) != s->doc)
    g_ptr_array_add (e->docs, s->doc);
  e->mention_count += se->mentions;
}

/* Unions over shared merge keys, then the surname rule over the result. */
static void
link_locals (GPtrArray *docs, guint *parent, guint n)
{
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  g_autoptr (GHashTable) owner = g_hash_table_new (NULL, NULL);
  guint id = 0;
  for (guint d = 0; d < docs->len; d++)
    {
      const StagedDoc *s = g_ptr_array_index (docs, d);
      for (guint i = 0; i < s->n_entities; i++, id++)
        {
          const StagedEntity *se = &s->entities[i];
          for (guint k = 0; k < se->n_keys; k++)
            {
              gpointer key = (gpointer) s->strs[se->first + se->n_aliases + k];
              gpointer have;
              if (g_hash_table_lookup_extended (owner, key, NULL, &have))
                uf_union (parent, id, GPOINTER_TO_UINT (have));
              else
                g_hash_table_insert (owner, key, GUINT_TO_POINTER (id));
            }
        }
    }

  /* Surname → the one component with a full name ending in it, or
   * G_MAXUINT when there are several. Roots are read before any surname
   * union, so the outcome does not depend on the order of the unions. */
  g_autoptr (GHashTable) offers = g_hash_table_new (NULL, NULL);
  id = 0;
  for (guint d = 0; d < docs->len; d++)
    {
      const StagedDoc *s = g_ptr_array_index (docs, d);
      for (guint i = 0; i < s->n_entities; i++, id++)
        {
          const StagedEntity *se = &s->entities[i];
          if (!(se->flags & LOCAL_OFFERS_SURNAME))
            continue;
          guint root = nkg_uf_find (parent, id);
          gpointer have;
          if (!g_hash_table_lookup_extended (offers, se->surname, NULL, &have))
            g_hash_table_insert (offers, (gpointer) se->surname, GUINT_TO_POINTER (root));
          else if (GPOINTER_TO_UINT (have) != root)
            g_hash_table_insert (offers, (gpointer) se->surname, GUINT_TO_POINTER (G_MAXUINT));
        }
    }
  g_autoptr (GArray) joins = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  id = 0;
  for (guint d = 0; d < docs->len; d++)
    {
      const StagedDoc *s = g_ptr_array_index (docs, d);
      for (guint i = 0; i < s->n_entities; i++, id++)
        {
          const StagedEntity *se = &s->entities[i];
          gpointer to;
          if ((se->flags & LOCAL_SEEKS_SURNAME) && (se->flags & LOCAL_LINKABLE)
              && g_hash_table_lookup_extended (offers, se->surname, NULL, &to)
              && GPOINTER_TO_UINT (to) != G_MAXUINT)
            {
              guint pair[2] = { id, GPOINTER_TO_UINT (to) };
              g_array_append_val (joins, pair);
            }
        }
    }
  for (guint i = 0; i < joins->len; i++)
    {
      const guint *pair = &g_array_index (joins, guint, 2 * i);
      uf_union (parent, pair[0], pair[1]);
    }
}

/* A quote's key in merge_quote's table: its speaker and its NFC text. */
typedef struct {
  const NkgEntity *speaker;
  char *text;
} QuoteKey;

static guint
quote_key_hash (gconstpointer p)
{
  const QuoteKey *k = p;
  return g_direct_hash (k->speaker) * 31 + g_str_hash (k->text);
}

static gboolean
quote_key_equal (gconstpointer a, gconstpointer b)
{
  const QuoteKey *x = a, *y = b;
  return x->speaker == y->speaker && strcmp (x->text, y->text) == 0;
}

static void
quote_key_free (gpointer p)
{
  QuoteKey *k = p;
  g_free (k->text);
  g_free (k);
}

static void
merge_quote (NkgGraph *g, GHashTable *quotes, NkgEntity *speaker, const char *text, NkgDoc *doc)
{
  /* ASCII, curly quotes, dashes and most accented letters are their own
   * NFC: most quotes need no normalising copy (GLib's took 40,000
   * instructions a quote) */
  g_autofree char *norm = nkg_text_nfc_stable (text, strlen (text))
                              ? NULL
                              : g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  QuoteKey probe = { speaker, (char *) (norm ? norm : text) };
  NkgQuote *q = g_hash_table_lookup (quotes, &probe);
  if (!q)
    {
      q = g_new0 (NkgQuote, 1);
      q->speaker = speaker;
      q->text = g_strdup (text);
      q->docs = g_ptr_array_new ();
      g_ptr_array_add (g->quotes, q);
      QuoteKey *key = g_new (QuoteKey, 1);
      key->speaker = speaker;
      key->text = norm ? g_steal_pointer (&norm) : g_strdup (text);
      g_hash_table_insert (quotes, key, q);
    }
  else if (strcmp (text, q->text) < 0)
    {
      /* one spelling for quotes equal but for normalisation: the least */
      g_free (q->text);
      q->text = g_strdup (text);
    }
  if (!q->docs->len || g_ptr_array_index (q->docs, q->docs->len - 1) != doc)
    g_ptr_array_add (q->docs, doc);
}

/* The second half of a merge, in two passes over the documents in the
 * canonical order that touch disjoint state: the entities' build state
 * (names, aliases, documents, mentions) and the quotes on one, the facts
 * and the sentences on the other. Each pass is serial in itself, so
 * neither depends on how the two are scheduled. */
typedef struct {
  NkgGraph *g;
  GPtrArray *docs;  /* StagedDoc*, canonical order */
  NkgEntity **of;   /* local entity (in that order) → its entity */
  GHashTable *quotes;
  gint64 locals_cpu_us; /* the entity pass's own CPU, when timed */
} MergePass;

/* Entities' build state and quotes; frees what only it reads. */
static gpointer
merge_locals_and_quotes (gpointer data)
{
  MergePass *m = data;
  gint64 cpu0 = m->g->finish_step ? nkg_graph_thread_cpu_us () : 0;
  guint id = 0;
  for (guint d = 0; d < m->docs->len; d++)
    {
      StagedDoc *s = g_ptr_array_index (m->docs, d);
      NkgEntity **map = m->of + id;
      for (guint i = 0; i < s->n_entities; i++)
        add_local (map[i], s, &s->entities[i]);
      for (guint i = 0; i < s->n_quotes; i++)
        merge_quote (m->g, m->quotes, map[s->quotes[i].speaker], s->quotes[i].text, s->doc);
      id += s->n_entities;
      /* Nothing reads these again: the graph need not sit next to the
       * whole staged corpus. */
      g_clear_pointer (&s->entities, g_free);
      g_clear_pointer (&s->quotes, g_free);
      g_clear_pointer (&s->strs, g_free);
    }
  if (m->g->finish_step)
    m->locals_cpu_us = nkg_graph_thread_cpu_us () - cpu0;
  return NULL;
}

/* Facts and their sentences; frees what only it reads. */
static void
merge_facts (MergePass *m)
{
  NkgGraph *g = m->g;
  guint id = 0;
  for (guint d = 0; d < m->docs->len; d++)
    {
      StagedDoc *s = g_ptr_array_index (m->docs, d);
      NkgEntity **map = m->of + id;
      for (guint i = 0; i < s->n_facts; i++)
        {
          const StagedFact *sf = &s->facts[i];
          NkgEntity *sub = map[sf->subject];
          NkgEntity *obj = sf->object >= 0 ? map[sf->object] : NULL;
          NkgDoc *from = sf->gazetteer ? NULL : s->doc;
          nkg_graph_merge_fact (g, from, sub, sf->prop, obj, sf->literal, sf->evidence,
                                sf->confidence);
          if (obj && nkg_prop_info (sf->prop)->symmetric)
            nkg_graph_merge_fact (g, from, obj, sf->prop, sub, NULL, sf->evidence,
                                  sf->confidence);
        }
      /* The graph owns the sentences from here on; finish drops the
       * sentences no fact cites. */
      g_ptr_array_extend_and_steal (g->evidence, g_steal_pointer (&s->evidence));
      id += s->n_entities;
      g_clear_pointer (&s->facts, g_free);
    }
}

void
nkg_graph_merge_staged (NkgGraph *g)
{
  NkgGraphStage *st = g->stage;
  /* no document is staged after this: the forms' keys are not needed */
  g_hash_table_remove_all (st->forms);
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (staged_doc_free);
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init (&it, st->by_key);
  while (g_hash_table_iter_next (&it, NULL, &v))
    {
      g_ptr_array_add (docs, v);
      g_hash_table_iter_steal (&it);
    }
  g_ptr_array_sort (docs, staged_order_cmp);

  guint n = 0;
  for (guint d = 0; d < docs->len; d++)
    n += ((StagedDoc *) g_ptr_array_index (docs, d))->n_entities;
  g_autofree guint *parent = g_new (guint, MAX (n, 1));
  link_locals (docs, parent, n);

  /* Entities in the order of their first local entity: canonical, and what
   * cluster.c and the IRI tie-breaks read as "creation order". */
  g_autofree NkgEntity **of = g_new0 (NkgEntity *, MAX (n, 1));
  guint id = 0;
  for (guint d = 0; d < docs->len; d++)
    {
      StagedDoc *s = g_ptr_array_index (docs, d);
      g_ptr_array_add (g->docs, s->doc);
      for (guint i = 0; i < s->n_entities; i++, id++)
        {
          guint root = nkg_uf_find (parent, id);
          if (!of[root])
            of[root] = entity_for (g, (NkgClass) s->entities[i].klass);
          of[id] = of[root];
        }
    }
  g_clear_pointer (&parent, g_free);
  nkg_graph_finish_step (g, "linking", -1);

  /* With a second thread, the two passes run side by side: the merge is
   * the serial tail of a build, after every article is extracted. */
  g_autoptr (GHashTable) quotes = g_hash_table_new_full (quote_key_hash, quote_key_equal,
                                                         quote_key_free, NULL);
  MergePass m = { g, docs, of, quotes, 0 };
  GThread *locals = nkg_graph_threads (g) > 1
                        ? g_thread_try_new ("nkg-merge", merge_locals_and_quotes, &m, NULL)
                        : NULL;
  if (!locals)
    merge_locals_and_quotes (&m);
  gint64 facts_cpu = g->finish_step ? nkg_graph_thread_cpu_us () : 0;
  merge_facts (&m);
  facts_cpu = g->finish_step ? nkg_graph_thread_cpu_us () - facts_cpu : 0;
  if (locals)
    g_thread_join (locals);
  nkg_graph_finish_step (g, "merge: the facts pass", facts_cpu);
  nkg_graph_finish_step (g, "merge: the entity and quote pass", m.locals_cpu_us);
  nkg_graph_finish_step (g, "merge", -1);
  for (guint d = 0; d < docs->len; d++)
    {
      StagedDoc *s = g_ptr_array_index (docs, d);
      /* the graph owns the document (g->docs) */
      s->doc = NULL;
      g_clear_pointer (&s->key, g_free);
    }
}

/* ------------------------------------------------------------ postings */

/* The layout (doc/shard-format.md, "The linking's postings"): u32 words,
 * little-endian, in sections whose sizes the head gives:
 *   head     n_docs, n_keys, n_dockeys, n_rows, strings_len, next_doc, next_key
 *   docs     n_docs × { name_off, name_len, id, dk_first, dk_n }, by name
 *   keys     n_keys × { str_off, str_len, id, row_first, row_n }, by key
 *   dockeys  each document's key ids, a run per document
 *   rows     n_rows × { document id, kind << 30 | local index }, a run
 *            per key, sorted by (kind, document id, index)
 *   strings  names and keys, each followed by a NUL.
 * A document's and a key's id stay theirs from run to run (new ones
 * take the next free id), so the rows of a key no added or removed
 * document has are the same bytes in the next run, and are copied. */
enum { PH_DOCS, PH_KEYS, PH_DOCKEYS, PH_ROWS, PH_STRINGS, PH_NEXT_DOC, PH_NEXT_KEY, PH_WORDS };
enum { PE_STR, PE_LEN, PE_ID, PE_FIRST, PE_N, PE_WORDS }; /* a doc's or a key's entry */
#define POSTING_INDEX_MASK ((1u << 30) - 1)

typedef struct {
  const guint8 *data;
  gsize size;
  guint32 h[PH_WORDS];
  const guint8 *docs, *keys, *dockeys, *rows;
  const char *strings;
} PostingsView;

static inline guint32
rd32 (const guint8 *p)
{
  guint32 v;
  memcpy (&v, p, 4);
  return GUINT32_FROM_LE (v);
}

static inline void
put32 (GByteArray *a, guint32 v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (a, (const guint8 *) &v, 4);
}

static inline guint32
pv_doc (const PostingsView *v, guint32 i, guint f)
{
  return rd32 (v->docs + ((gsize) i * PE_WORDS + f) * 4);
}

static inline guint32
pv_key (const PostingsView *v, guint32 i, guint f)
{
  return rd32 (v->keys + ((gsize) i * PE_WORDS + f) * 4);
}

static inline const char *
pv_str (const PostingsView *v, guint32 off)
{
  return v->strings + off;
}

/* The sections of `b`, when its sizes add up. */
static gboolean
postings_view (GBytes *b, PostingsView *v)
{
  v->data = g_bytes_get_data (b, &v->size);
  if (!v->data || v->size < PH_WORDS * 4)
    return FALSE;
  for (guint i = 0; i < PH_WORDS; i++)
    v->h[i] = rd32 (v->data + 4 * i);
  guint64 need = (guint64) PH_WORDS * 4 + (guint64) v->h[PH_DOCS] * PE_WORDS * 4
                 + (guint64) v->h[PH_KEYS] * PE_WORDS * 4 + (guint64) v->h[PH_DOCKEYS] * 4
                 + (guint64) v->h[PH_ROWS] * 8 + v->h[PH_STRINGS];
  if (need != v->size)
    return FALSE;
  v->docs = v->data + PH_WORDS * 4;
  v->keys = v->docs + (gsize) v->h[PH_DOCS] * PE_WORDS * 4;
  v->dockeys = v->keys + (gsize) v->h[PH_KEYS] * PE_WORDS * 4;
  v->rows = v->dockeys + (gsize) v->h[PH_DOCKEYS] * 4;
  v->strings = (const char *) (v->rows + (gsize) v->h[PH_ROWS] * 8);
  return TRUE;
}

/* A string of an entry: within the strings, NUL-terminated at its length
 * and nowhere before. */
static gboolean
pv_str_ok (const PostingsView *v, guint32 off, guint32 len)
{
  return (guint64) off + len < v->h[PH_STRINGS] && v->strings[off + len] == '\0'
         && memchr (v->strings + off, '\0', len) == NULL;
}

static gboolean
pv_entries_ok (const PostingsView *v, const guint8 *base, guint32 n, guint32 next_id,
               guint32 runs_len)
{
  const char *last = NULL;
  for (guint32 i = 0; i < n; i++)
    {
      const guint8 *e = base + (gsize) i * PE_WORDS * 4;
      guint32 off = rd32 (e + PE_STR * 4), len = rd32 (e + PE_LEN * 4);
      if (!pv_str_ok (v, off, len) || rd32 (e + PE_ID * 4) >= next_id
          || (guint64) rd32 (e + PE_FIRST * 4) + rd32 (e + PE_N * 4) > runs_len)
        return FALSE;
      if (last && strcmp (last, v->strings + off) >= 0)
        return FALSE;
      last = v->strings + off;
    }
  return TRUE;
}

gboolean
nkg_postings_valid (GBytes *body)
{
  PostingsView v;
  return body && postings_view (body, &v)
         && pv_entries_ok (&v, v.docs, v.h[PH_DOCS], v.h[PH_NEXT_DOC], v.h[PH_DOCKEYS])
         && pv_entries_ok (&v, v.keys, v.h[PH_KEYS], v.h[PH_NEXT_KEY], v.h[PH_ROWS]);
}

/* A row as staged: the strings are interned by the stage. */
typedef struct {
  const char *key;
  guint32 index;
  guint8 kind;
} PostingRow;

/* A document as the postings name it: its IRI (which hashes its text)
 * and its source, tab-separated, as the same bytes under another name may
 * be read as another format; interned. */
static const char *
posting_doc (NkgGraphStage *st, const StagedDoc *s)
{
  g_autofree char *id = g_strconcat (s->doc->iri, "\t", s->doc->source ? s->doc->source : "",
                                     NULL);
  return intern (st, id);
}

static void
posting_rows_of (GArray *rows, const StagedDoc *s)
{
  for (guint i = 0; i < s->n_entities; i++)
    {
      const StagedEntity *se = &s->entities[i];
      for (guint k = 0; k < se->n_keys; k++)
        {
          PostingRow r = { s->strs[se->first + se->n_aliases + k], i, 0 };
          g_array_append_val (rows, r);
        }
      if (se->flags & LOCAL_OFFERS_SURNAME)
        {
          PostingRow r = { se->surname, i, 1 };
          g_array_append_val (rows, r);
        }
      if ((se->flags & LOCAL_SEEKS_SURNAME) && (se->flags & LOCAL_LINKABLE))
        {
          PostingRow r = { se->surname, i, 2 };
          g_array_append_val (rows, r);
        }
    }
}

static gint
str_ptr_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gint
u32_cmp (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : x > y;
}

/* rows as (document id, kind << 30 | index), host order */
static gint
posting_pair_cmp (gconstpointer a, gconstpointer b)
{
  const guint32 *x = a, *y = b;
  guint32 kx = x[1] >> 30, ky = y[1] >> 30;
  if (kx != ky)
    return kx < ky ? -1 : 1;
  if (x[0] != y[0])
    return x[0] < y[0] ? -1 : 1;
  guint32 ix = x[1] & POSTING_INDEX_MASK, iy = y[1] & POSTING_INDEX_MASK;
  return ix < iy ? -1 : ix > iy;
}

/* the first of the n sorted 8-byte rows at `rows` that is not below `want` */
static guint32
rows_lower_bound (const guint8 *rows, guint32 n, const guint32 want[2])
{
  guint32 lo = 0, hi = n;
  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      guint32 have[2] = { rd32 (rows + 8 * mid), rd32 (rows + 8 * mid + 4) };
      if (posting_pair_cmp (have, want) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The sections of the value being written. */
typedef struct {
  GByteArray *docs, *keys, *dockeys, *rows;
  GString *strings;
} PostingsOut;

static void
out_entry (GByteArray *a, GString *strings, const char *s, guint32 id, guint32 first, guint32 n)
{
  gsize len = strlen (s);
  put32 (a, (guint32) strings->len);
  put32 (a, (guint32) len);
  put32 (a, id);
  put32 (a, first);
  put32 (a, n);
  g_string_append_len (strings, s, (gssize) len + 1);
}

static void
out_pairs (PostingsOut *o, GArray *pairs)
{
  g_array_sort (pairs, posting_pair_cmp);
  for (guint i = 0; i < pairs->len; i++)
    {
      const guint32 *p = &g_array_index (pairs, guint32, 2 * i);
      put32 (o->rows, p[0]);
      put32 (o->rows, p[1]);
    }
}

GBytes *
nkg_graph_postings (NkgGraph *g, GBytes *old, guint *added, guint *removed, guint *touched)
{
  g_return_val_if_fail (g->stage && !g->finished, NULL);
  g_return_val_if_fail (!old || nkg_postings_valid (old), NULL);
  NkgGraphStage *st = g->stage;
  PostingsView ov = { 0 };
  if (old)
    postings_view (old, &ov);
  /* the staged documents by name */
  g_autoptr (GHashTable) staged = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init (&it, st->by_key);
  while (g_hash_table_iter_next (&it, NULL, &v))
    g_hash_table_insert (staged, (gpointer) posting_doc (st, v), v);

  /* the old documents gone: their ids, and the keys they had */
  g_autoptr (GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) gone_docs = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) gone_keys = g_hash_table_new (NULL, NULL);
  guint n_removed = 0;
  for (guint32 i = 0; i < ov.h[PH_DOCS]; i++)
    {
      const char *name = pv_str (&ov, pv_doc (&ov, i, PE_STR));
      if (g_hash_table_contains (staged, name))
        {
          g_hash_table_add (covered, (gpointer) name);
          continue;
        }
      n_removed++;
      g_hash_table_add (gone_docs, GUINT_TO_POINTER (pv_doc (&ov, i, PE_ID) + 1));
      guint32 first = pv_doc (&ov, i, PE_FIRST), n = pv_doc (&ov, i, PE_N);
      for (guint32 k = 0; k < n; k++)
        g_hash_table_add (gone_keys, GUINT_TO_POINTER (rd32 (ov.dockeys + 4 * (first + k)) + 1));
    }

  /* the documents added, by name, with the next free ids; their rows by key */
  guint32 next_doc = old ? ov.h[PH_NEXT_DOC] : 0, next_key = old ? ov.h[PH_NEXT_KEY] : 0;
  g_autoptr (GPtrArray) fresh_docs = g_ptr_array_new ();
  g_hash_table_iter_init (&it, staged);
  gpointer name;
  while (g_hash_table_iter_next (&it, &name, NULL))
    if (!g_hash_table_contains (covered, name))
      g_ptr_array_add (fresh_docs, name);
  g_ptr_array_sort (fresh_docs, str_ptr_cmp);
  /* interned key → GArray of (document id, kind << 30 | index) */
  g_autoptr (GHashTable) fresh = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_array_unref);
  /* per document added: its keys (interned, repeated) */
  g_autoptr (GPtrArray) fresh_doc_keys = g_ptr_array_new_with_free_func (
      (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (PostingRow));
  for (guint d = 0; d < fresh_docs->len; d++)
    {
      guint32 id = next_doc + d;
      g_array_set_size (rows, 0);
      posting_rows_of (rows, g_hash_table_lookup (staged, fresh_docs->pdata[d]));
      GPtrArray *keys = g_ptr_array_new ();
      for (guint r = 0; r < rows->len; r++)
        {
          const PostingRow *row = &g_array_index (rows, PostingRow, r);
          GArray *pairs = g_hash_table_lookup (fresh, row->key);
          if (!pairs)
            {
              pairs = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);
              g_hash_table_insert (fresh, (gpointer) row->key, pairs);
            }
          guint32 pair[2] = { id, ((guint32) row->kind << 30) | (row->index & POSTING_INDEX_MASK) };
          g_array_append_val (pairs, pair);
          g_ptr_array_add (keys, (gpointer) row->key);
        }
      g_ptr_array_add (fresh_doc_keys, keys);
    }
  next_doc += fresh_docs->len;
  g_autoptr (GPtrArray) fresh_keys = g_ptr_array_new ();
  g_hash_table_iter_init (&it, fresh);
  gpointer key;
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (fresh_keys, key);
  g_ptr_array_sort (fresh_keys, str_ptr_cmp);

  PostingsOut o = { g_byte_array_new (), g_byte_array_new (), g_byte_array_new (),
                    g_byte_array_new (), g_string_new (NULL) };
  /* the keys: old and added in one walk by key; the rows of a key no
   * document added or removed has are copied as they are */
  g_autoptr (GHashTable) key_ids = g_hash_table_new (NULL, NULL); /* added doc's key → id */
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);
  guint n_touched = 0;
  guint32 i = 0, j = 0, n_old = ov.h[PH_KEYS];
  while (i < n_old || j < fresh_keys->len)
    {
      const char *ok = i < n_old ? pv_str (&ov, pv_key (&ov, i, PE_STR)) : NULL;
      const char *fk = j < fresh_keys->len ? fresh_keys->pdata[j] : NULL;
      int c = !fk ? -1 : !ok ? 1 : strcmp (ok, fk);
      guint32 first = o.rows->len / 8;
      guint32 id;
      g_array_set_size (pairs, 0);
      if (c <= 0)
        {
          id = pv_key (&ov, i, PE_ID);
          const guint8 *r = ov.rows + (gsize) pv_key (&ov, i, PE_FIRST) * 8;
          guint32 n = pv_key (&ov, i, PE_N);
          if (c < 0 && !g_hash_table_contains (gone_keys, GUINT_TO_POINTER (id + 1)))
            {
              /* untouched: the same bytes */
              g_byte_array_append (o.rows, r, n * 8);
              out_entry (o.keys, o.strings, ok, id, first, n);
              i++;
              continue;
            }
          for (guint32 k = 0; k < n; k++)
            {
              guint32 pair[2] = { rd32 (r + 8 * k), rd32 (r + 8 * k + 4) };
              if (!g_hash_table_contains (gone_docs, GUINT_TO_POINTER (pair[0] + 1)))
                g_array_append_val (pairs, pair);
            }
          i++;
        }
      else
        id = next_key++;
      if (c >= 0)
        {
          GArray *add = g_hash_table_lookup (fresh, fk);
          g_array_append_vals (pairs, add->data, add->len);
          g_hash_table_insert (key_ids, (gpointer) fk, GUINT_TO_POINTER (id));
          j++;
        }
      n_touched++;
      if (!pairs->len)
        continue; /* no document has it any more */
      out_pairs (&o, pairs);
      out_entry (o.keys, o.strings, c <= 0 ? ok : fk, id, first, pairs->len);
    }

  /* the documents: the kept ones' key lists copied, the added ones' made */
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 n_docs = 0;
  i = 0, j = 0;
  n_old = ov.h[PH_DOCS];
  while (i < n_old || j < fresh_docs->len)
    {
      const char *on = i < n_old ? pv_str (&ov, pv_doc (&ov, i, PE_STR)) : NULL;
      if (on && !g_hash_table_contains (covered, on))
        {
          i++;
          continue;
        }
      const char *fn = j < fresh_docs->len ? fresh_docs->pdata[j] : NULL;
      guint32 first = o.dockeys->len / 4;
      if (!fn || (on && strcmp (on, fn) < 0))
        {
          guint32 n = pv_doc (&ov, i, PE_N);
          g_byte_array_append (o.dockeys, ov.dockeys + (gsize) pv_doc (&ov, i, PE_FIRST) * 4,
                               n * 4);
          out_entry (o.docs, o.strings, on, pv_doc (&ov, i, PE_ID), first, n);
          i++;
        }
      else
        {
          GPtrArray *keys = fresh_doc_keys->pdata[j];
          g_array_set_size (ids, 0);
          for (guint k = 0; k < keys->len; k++)
            {
              guint32 id = GPOINTER_TO_UINT (g_hash_table_lookup (key_ids, keys->pdata[k]));
              g_array_append_val (ids, id);
            }
          g_array_sort (ids, u32_cmp);
          guint32 n = 0;
          for (guint k = 0; k < ids->len; k++)
            if (!k || g_array_index (ids, guint32, k) != g_array_index (ids, guint32, k - 1))
              {
                put32 (o.dockeys, g_array_index (ids, guint32, k));
                n++;
              }
          out_entry (o.docs, o.strings, fn, next_doc - fresh_docs->len + j, first, n);
          j++;
        }
      n_docs++;
    }

  GByteArray *body = g_byte_array_sized_new (PH_WORDS * 4 + o.docs->len + o.keys->len
                                             + o.dockeys->len + o.rows->len + o.strings->len);
  put32 (body, n_docs);
  put32 (body, o.keys->len / (PE_WORDS * 4));
  put32 (body, o.dockeys->len / 4);
  put32 (body, o.rows->len / 8);
  put32 (body, (guint32) o.strings->len);
  put32 (body, next_doc);
  put32 (body, next_key);
  g_byte_array_append (body, o.docs->data, o.docs->len);
  g_byte_array_append (body, o.keys->data, o.keys->len);
  g_byte_array_append (body, o.dockeys->data, o.dockeys->len);
  g_byte_array_append (body, o.rows->data, o.rows->len);
  g_byte_array_append (body, (const guint8 *) o.strings->str, o.strings->len);
  g_byte_array_unref (o.docs);
  g_byte_array_unref (o.keys);
  g_byte_array_unref (o.dockeys);
  g_byte_array_unref (o.rows);
  g_string_free (o.strings, TRUE);
  if (added)
    *added = fresh_docs->len;
  if (removed)
    *removed = n_removed;
  if (touched)
    *touched = n_touched;
  return g_byte_array_free_to_bytes (body);
}

/* What a value says, whatever its ids: a line per row (key, kind,
 * document, index) and per document; and whether each document's key
 * list names exactly the keys whose rows name it. */
static GPtrArray *
postings_canon (GBytes *b, char **why)
{
  PostingsView v;
  if (!nkg_postings_valid (b) || !postings_view (b, &v))
    {
      *why = g_strdup ("not a valid layout");
      return NULL;
    }
  g_autoptr (GHashTable) doc_of = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) key_of = g_hash_table_new (NULL, NULL);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  for (guint32 i = 0; i < v.h[PH_DOCS]; i++)
    {
      g_hash_table_insert (doc_of, GUINT_TO_POINTER (pv_doc (&v, i, PE_ID) + 1),
                           (gpointer) pv_str (&v, pv_doc (&v, i, PE_STR)));
      g_ptr_array_add (lines, g_strconcat ("D\037", pv_str (&v, pv_doc (&v, i, PE_STR)), NULL));
    }
  for (guint32 i = 0; i < v.h[PH_KEYS]; i++)
    g_hash_table_insert (key_of, GUINT_TO_POINTER (pv_key (&v, i, PE_ID) + 1),
                         (gpointer) pv_str (&v, pv_key (&v, i, PE_STR)));
  /* (document, key) as the rows say and as the documents' lists say */
  g_autoptr (GHashTable) by_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) by_lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint32 i = 0; i < v.h[PH_KEYS]; i++)
    {
      const char *key = pv_str (&v, pv_key (&v, i, PE_STR));
      const guint8 *r = v.rows + (gsize) pv_key (&v, i, PE_FIRST) * 8;
      for (guint32 k = 0; k < pv_key (&v, i, PE_N); k++)
        {
          guint32 packed = rd32 (r + 8 * k + 4);
          const char *doc = g_hash_table_lookup (doc_of, GUINT_TO_POINTER (rd32 (r + 8 * k) + 1));
          if (!doc)
            {
              *why = g_strdup_printf ("a row of %s names no document", key);
              g_ptr_array_unref (lines);
              return NULL;
            }
          g_ptr_array_add (lines, g_strdup_printf ("R\037%s\037%u\037%s\037%u", key, packed >> 30,
                                                   doc, packed & POSTING_INDEX_MASK));
          g_hash_table_add (by_rows, g_strconcat (doc, "\037", key, NULL));
        }
    }
  for (guint32 i = 0; i < v.h[PH_DOCS]; i++)
    {
      const char *doc = pv_str (&v, pv_doc (&v, i, PE_STR));
      guint32 first = pv_doc (&v, i, PE_FIRST);
      for (guint32 k = 0; k < pv_doc (&v, i, PE_N); k++)
        {
          const char *key = g_hash_table_lookup (key_of,
                                                 GUINT_TO_POINTER (rd32 (v.dockeys + 4 * (first + k)) + 1));
          g_hash_table_add (by_lists, g_strconcat (doc, "\037", key ? key : "(none)", NULL));
        }
    }
  GHashTableIter it;
  gpointer p;
  gboolean same = g_hash_table_size (by_rows) == g_hash_table_size (by_lists);
  g_hash_table_iter_init (&it, by_rows);
  while (same && g_hash_table_iter_next (&it, &p, NULL))
    same = g_hash_table_contains (by_lists, p);
  if (!same)
    {
      *why = g_strdup_printf ("the documents' key lists (%u pairs) are not their rows' (%u)",
                              g_hash_table_size (by_lists), g_hash_table_size (by_rows));
      g_ptr_array_unref (lines);
      return NULL;
    }
  g_ptr_array_sort (lines, str_ptr_cmp);
  return lines;
}

gboolean
nkg_postings_same (GBytes *a, GBytes *b, char **why)
{
  g_autofree char *wa = NULL, *wb = NULL;
  g_autoptr (GPtrArray) la = postings_canon (a, &wa);
  g_autoptr (GPtrArray) lb = postings_canon (b, &wb);
  if (!la || !lb)
    {
      *why = g_strdup_printf ("%s%s", la ? "the second: " : "the first: ", la ? wb : wa);
      return FALSE;
    }
  for (guint i = 0; i < MIN (la->len, lb->len); i++)
    if (strcmp (la->pdata[i], lb->pdata[i]) != 0)
      {
        *why = g_strdup_printf ("%u lines against %u; the first that differs: %s / %s", la->len,
                                lb->len, (char *) la->pdata[i], (char *) lb->pdata[i]);
        return FALSE;
      }
  if (la->len != lb->len)
    {
      *why = g_strdup_printf ("%u lines against %u", la->len, lb->len);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------ re-linking from the postings */

/* Step 2 of doc/incremental.md's route, as a check: the components of
 * the local entities that the keys touched by a run (those of documents
 * added and removed, surnames whose offers changed among them) reach,
 * re-linked from the postings alone, with link_locals' two rules: a
 * shared merge key joins, and a sought surname joins the one
 * key-component that offers it. A local entity is (document's place in
 * the postings' documents table, index). */
typedef struct {
  PostingsView v;
  GHashTable *doc_at;   /* document id + 1 → place + 1 */
  GHashTable *key_at;   /* key id + 1 → place + 1 */
  GHashTable *keycomp;  /* entity → key-component label + 1 */
  guint n_labels;
} Relink;

#define ENT(d, i) (((guint64) (d) << 32) | (i))

static guint64 *
ent_new (guint64 e)
{
  return g_memdup2 (&e, sizeof e);
}

/* the rows of key `k` as (document id, packed) pairs */
static const guint8 *
rl_rows (const Relink *r, guint32 k, guint32 *n)
{
  *n = pv_key (&r->v, k, PE_N);
  return r->v.rows + (gsize) pv_key (&r->v, k, PE_FIRST) * 8;
}

/* whether key `k` has a row (kind, document id, index): rows are sorted */
static gboolean
rl_has (const Relink *r, guint32 k, guint32 kind, guint32 doc, guint32 index)
{
  guint32 n;
  const guint8 *rows = rl_rows (r, k, &n);
  const guint32 want[2] = { doc, (kind << 30) | index };
  guint32 at = rows_lower_bound (rows, n, want);
  if (at == n)
    return FALSE;
  guint32 have[2] = { rd32 (rows + 8 * at), rd32 (rows + 8 * at + 4) };
  return posting_pair_cmp (have, want) == 0;
}

static guint32
rl_doc_place (const Relink *r, guint32 id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (r->doc_at, GUINT_TO_POINTER (id + 1))) - 1;
}

/* row `j` of `rows` (rl_rows): its kind, and the entity (document place,
 * local index) it names */
static guint64
rl_row (const Relink *r, const guint8 *rows, guint32 j, guint32 *kind)
{
  guint32 packed = rd32 (rows + 8 * j + 4);
  *kind = packed >> 30;
  return ENT (rl_doc_place (r, rd32 (rows + 8 * j)), packed & POSTING_INDEX_MASK);
}

/* Calls `f` for each key (place) of entity `e` with a row of `kind`. */
static void
rl_keys_of (const Relink *r, guint64 e, guint32 kind, void (*f) (gpointer, guint32), gpointer data)
{
  guint32 d = (guint32) (e >> 32), i = (guint32) e;
  guint32 id = pv_doc (&r->v, d, PE_ID), first = pv_doc (&r->v, d, PE_FIRST);
  for (guint32 k = 0; k < pv_doc (&r->v, d, PE_N); k++)
    {
      guint32 key = GPOINTER_TO_UINT (g_hash_table_lookup (
                        r->key_at, GUINT_TO_POINTER (rd32 (r->v.dockeys + 4 * (first + k)) + 1)))
                    - 1;
      if (key < r->v.h[PH_KEYS] && rl_has (r, key, kind, id, i))
        f (data, key);
    }
}

typedef struct {
  const Relink *r;
  GHashTable *members; /* entity set */
  GQueue *todo;
  GHashTable *done_keys;
  guint32 kind;        /* the rows a key adds */
} RlWalk;

static void
rl_add (RlWalk *w, guint64 e)
{
  if (g_hash_table_contains (w->members, &e))
    return;
  g_hash_table_add (w->members, ent_new (e));
  g_queue_push_tail (w->todo, ent_new (e));
}

/* a key reached: every entity with a row of its kind joins */
static void
rl_take_key (gpointer data, guint32 key)
{
  RlWalk *w = data;
  if (!g_hash_table_add (w->done_keys, GUINT_TO_POINTER (key + 1)))
    return;
  guint32 n;
  const guint8 *rows = rl_rows (w->r, key, &n);
  for (guint32 j = 0; j < n; j++)
    {
      guint32 kind;
      guint64 e = rl_row (w->r, rows, j, &kind);
      if (kind == 0)
        rl_add (w, e);
    }
}

/* the key-component of `e` (shared merge keys only), labelled */
static guint
rl_keycomp (Relink *r, guint64 e)
{
  gpointer have = g_hash_table_lookup (r->keycomp, &e);
  if (have)
    return GPOINTER_TO_UINT (have) - 1;
  guint label = r->n_labels++;
  g_autoptr (GHashTable) members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) done = g_hash_table_new (NULL, NULL);
  GQueue todo = G_QUEUE_INIT;
  RlWalk w = { r, members, &todo, done, 0 };
  rl_add (&w, e);
  guint64 *x;
  while ((x = g_queue_pop_head (&todo)))
    {
      g_hash_table_insert (r->keycomp, ent_new (*x), GUINT_TO_POINTER (label + 1));
      rl_keys_of (r, *x, 0, rl_take_key, &w);
      g_free (x);
    }
  return label;
}

typedef struct {
  Relink *r;
  RlWalk *w;
  GHashTable *done_surnames;
} RlFinal;

/* a surname offered or sought by a member: when one key-component
 * offers it, its offerers and seekers are one component */
static void
rl_take_surname (gpointer data, guint32 key)
{
  RlFinal *f = data;
  if (!g_hash_table_add (f->done_surnames, GUINT_TO_POINTER (key + 1)))
    return;
  guint32 n;
  const guint8 *rows = rl_rows (f->r, key, &n);
  guint label = G_MAXUINT;
  gboolean one = TRUE, any = FALSE;
  for (guint32 j = 0; j < n && one; j++)
    {
      guint32 kind;
      guint64 e = rl_row (f->r, rows, j, &kind);
      if (kind != 1)
        continue;
      guint l = rl_keycomp (f->r, e);
      one = !any || l == label;
      label = l;
      any = TRUE;
    }
  if (!any || !one)
    return;
  for (guint32 j = 0; j < n; j++)
    {
      guint32 kind;
      guint64 e = rl_row (f->r, rows, j, &kind);
      if (kind == 1 || kind == 2)
        rl_add (f->w, e);
    }
}

gboolean
nkg_graph_postings_relink_check (NkgGraph *g, GBytes *old, GBytes *now, guint *entities,
                                 guint *components, guint *total, char **why)
{
  g_return_val_if_fail (g->stage && !g->finished && now, FALSE);
  NkgGraphStage *st = g->stage;
  Relink r = { 0 };
  if (!nkg_postings_valid (now) || !postings_view (now, &r.v))
    {
      *why = g_strdup ("the postings are not valid");
      return FALSE;
    }
  r.doc_at = g_hash_table_new (NULL, NULL);
  r.key_at = g_hash_table_new (NULL, NULL);
  r.keycomp = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint32 d = 0; d < r.v.h[PH_DOCS]; d++)
    g_hash_table_insert (r.doc_at, GUINT_TO_POINTER (pv_doc (&r.v, d, PE_ID) + 1),
                         GUINT_TO_POINTER (d + 1));
  for (guint32 k = 0; k < r.v.h[PH_KEYS]; k++)
    g_hash_table_insert (r.key_at, GUINT_TO_POINTER (pv_key (&r.v, k, PE_ID) + 1),
                         GUINT_TO_POINTER (k + 1));

  /* today's linking of every staged document */
  g_autoptr (GPtrArray) docs = staged_in_order (st);
  guint n = 0;
  g_autoptr (GHashTable) base = g_hash_table_new (g_str_hash, g_str_equal); /* name → first id + 1 */
  for (guint d = 0; d < docs->len; d++)
    {
      StagedDoc *s = docs->pdata[d];
      g_hash_table_insert (base, (gpointer) posting_doc (st, s), GUINT_TO_POINTER (n + 1));
      n += s->n_entities;
    }
  g_autofree guint *parent = g_new (guint, MAX (n, 1));
  link_locals (docs, parent, n);
  g_autofree guint *size = g_new0 (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    size[nkg_uf_find (parent, i)]++;
  /* postings place → first linking id */
  g_autofree guint *first_id = g_new0 (guint, MAX (r.v.h[PH_DOCS], 1));
  gboolean ok = TRUE;
  for (guint32 d = 0; d < r.v.h[PH_DOCS] && ok; d++)
    {
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (base, pv_str (&r.v, pv_doc (&r.v, d, PE_STR))));
      if (!at)
        {
          *why = g_strdup_printf ("a document of the postings is not staged: %s",
                                  pv_str (&r.v, pv_doc (&r.v, d, PE_STR)));
          ok = FALSE;
        }
      first_id[d] = at - 1;
    }

  /* the keys touched: those of documents added (in `now` only) and
   * removed (in `old` only), found in `now` by name */
  g_autoptr (GHashTable) seeds = g_hash_table_new (NULL, NULL); /* key place + 1 */
  PostingsView ov = { 0 };
  gboolean have_old = old && nkg_postings_valid (old) && postings_view (old, &ov);
  g_autoptr (GHashTable) old_names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 d = 0; have_old && d < ov.h[PH_DOCS]; d++)
    g_hash_table_add (old_names, (gpointer) pv_str (&ov, pv_doc (&ov, d, PE_STR)));
  g_autoptr (GHashTable) now_names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 d = 0; d < r.v.h[PH_DOCS]; d++)
    {
      const char *name = pv_str (&r.v, pv_doc (&r.v, d, PE_STR));
      g_hash_table_add (now_names, (gpointer) name);
      if (have_old && g_hash_table_contains (old_names, name))
        continue;
      guint32 first = pv_doc (&r.v, d, PE_FIRST);
      for (guint32 k = 0; k < pv_doc (&r.v, d, PE_N); k++)
        g_hash_table_add (seeds, g_hash_table_lookup (r.key_at, GUINT_TO_POINTER (
                                                                    rd32 (r.v.dockeys + 4 * (first + k)) + 1)));
    }
  g_autoptr (GHashTable) old_key_at = g_hash_table_new (NULL, NULL);
  for (guint32 k = 0; have_old && k < ov.h[PH_KEYS]; k++)
    g_hash_table_insert (old_key_at, GUINT_TO_POINTER (pv_key (&ov, k, PE_ID) + 1),
                         GUINT_TO_POINTER (k + 1));
  for (guint32 d = 0; have_old && d < ov.h[PH_DOCS]; d++)
    {
      if (g_hash_table_contains (now_names, pv_str (&ov, pv_doc (&ov, d, PE_STR))))
        continue;
      guint32 first = pv_doc (&ov, d, PE_FIRST);
      for (guint32 k = 0; k < pv_doc (&ov, d, PE_N); k++)
        {
          guint32 ok_at = GPOINTER_TO_UINT (g_hash_table_lookup (
              old_key_at, GUINT_TO_POINTER (rd32 (ov.dockeys + 4 * (first + k)) + 1)));
          if (!ok_at)
            continue;
          const char *key = pv_str (&ov, pv_key (&ov, ok_at - 1, PE_STR));
          /* the same key in `now`, by name (keys are sorted) */
          guint32 lo = 0, hi = r.v.h[PH_KEYS];
          while (lo < hi)
            {
              guint32 mid = lo + (hi - lo) / 2;
              int c = strcmp (pv_str (&r.v, pv_key (&r.v, mid, PE_STR)), key);
              if (!c)
                {
                  g_hash_table_add (seeds, GUINT_TO_POINTER (mid + 1));
                  break;
                }
              if (c < 0)
                lo = mid + 1;
              else
                hi = mid;
            }
        }
    }

  /* each entity of a touched key: its component, re-linked, compared */
  g_autoptr (GHashTable) placed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_entities = 0, n_components = 0;
  GHashTableIter it;
  g_hash_table_iter_init (&it, seeds);
  gpointer seed;
  while (ok && g_hash_table_iter_next (&it, &seed, NULL))
    {
      guint32 n_rows;
      const guint8 *rows = rl_rows (&r, GPOINTER_TO_UINT (seed) - 1, &n_rows);
      for (guint32 j = 0; j < n_rows && ok; j++)
        {
          guint32 kind;
          guint64 e0 = rl_row (&r, rows, j, &kind);
          if (g_hash_table_contains (placed, &e0))
            continue;
          g_autoptr (GHashTable) members = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                  g_free, NULL);
          g_autoptr (GHashTable) done = g_hash_table_new (NULL, NULL);
          g_autoptr (GHashTable) surnames = g_hash_table_new (NULL, NULL);
          GQueue todo = G_QUEUE_INIT;
          RlWalk w = { &r, members, &todo, done, 0 };
          RlFinal f = { &r, &w, surnames };
          rl_add (&w, e0);
          guint64 *x;
          while ((x = g_queue_pop_head (&todo)))
            {
              rl_keys_of (&r, *x, 0, rl_take_key, &w);
              rl_keys_of (&r, *x, 1, rl_take_surname, &f);
              rl_keys_of (&r, *x, 2, rl_take_surname, &f);
              g_free (x);
            }
          /* the same members as today's linking's component */
          guint root = G_MAXUINT;
          GHashTableIter mi;
          gpointer m;
          g_hash_table_iter_init (&mi, members);
          while (g_hash_table_iter_next (&mi, &m, NULL))
            {
              guint64 e = *(guint64 *) m;
              guint id = first_id[e >> 32] + (guint32) e;
              guint rt = id < n ? nkg_uf_find (parent, id) : G_MAXUINT;
              if (root == G_MAXUINT)
                root = rt;
              if (rt != root || rt == G_MAXUINT)
                {
                  ok = FALSE;
                  break;
                }
              g_hash_table_add (placed, ent_new (e));
            }
          if (ok && size[root] != g_hash_table_size (members))
            ok = FALSE;
          if (!ok)
            *why = g_strdup_printf ("a component re-linked from the postings has %u local "
                                    "entities, the linking's %u",
                                    g_hash_table_size (members),
                                    root < n ? size[root] : 0);
          n_entities += g_hash_table_size (members);
          n_components++;
        }
    }
  g_hash_table_unref (r.doc_at);
  g_hash_table_unref (r.key_at);
  g_hash_table_unref (r.keycomp);
  if (entities)
    *entities = n_entities;
  if (components)
    *components = n_components;
  if (total)
    *total = n;
  return ok;
}

/* ------------------------------------------------------------ stored components */

/* The key-components of every local entity of a postings value (doc/
 * incremental.md, stop incr27): the unions of shared merge keys only (the
 * surname rule is applied over them, see nkg_graph_components_check).
 * The layout, u32 words little-endian:
 *   head    n_slots (the postings' next document id), n_labels, next_label
 *   slots   n_slots × { first, n }: document id → its run of labels
 *   labels  n_labels × label: local index → its key-component, or
 *           COMP_NONE for a local entity with no merge key
 * A document's run covers its local indices up to its last with a merge
 * key; ids with no document (removed, or never used) have an empty run.
 * Labels are 0 … next_label - 1, numbered in the order of first use. */
enum { CH_SLOTS, CH_LABELS, CH_NEXT, CH_WORDS };
#define COMP_NONE G_MAXUINT32

typedef struct {
  guint32 h[CH_WORDS];
  const guint8 *slots, *labels;
} CompsView;

static gboolean
comps_view (GBytes *b, CompsView *v)
{
  gsize size;
  const guint8 *data = b ? g_bytes_get_data (b, &size) : NULL;
  if (!data || size < CH_WORDS * 4)
    return FALSE;
  for (guint i = 0; i < CH_WORDS; i++)
    v->h[i] = rd32 (data + 4 * i);
  if ((guint64) CH_WORDS * 4 + (guint64) v->h[CH_SLOTS] * 8 + (guint64) v->h[CH_LABELS] * 4
      != size)
    return FALSE;
  v->slots = data + CH_WORDS * 4;
  v->labels = v->slots + (gsize) v->h[CH_SLOTS] * 8;
  return TRUE;
}

gboolean
nkg_components_valid (GBytes *comps, GBytes *postings)
{
  CompsView c;
  PostingsView p;
  if (!comps_view (comps, &c) || !postings || !postings_view (postings, &p)
      || c.h[CH_SLOTS] != p.h[PH_NEXT_DOC])
    return FALSE;
  for (guint32 s = 0; s < c.h[CH_SLOTS]; s++)
    if ((guint64) rd32 (c.slots + 8 * s) + rd32 (c.slots + 8 * s + 4) > c.h[CH_LABELS])
      return FALSE;
  for (guint32 i = 0; i < c.h[CH_LABELS]; i++)
    {
      guint32 l = rd32 (c.labels + 4 * i);
      if (l != COMP_NONE && l >= c.h[CH_NEXT])
        return FALSE;
    }
  return TRUE;
}

/* The labels being made: per document id a run in `labels` (mutable),
 * and the union-find over labels. */
typedef struct {
  GArray *first, *n;  /* guint32 per document id */
  GArray *labels;     /* guint32 */
  GArray *parent;     /* guint per label */
  gboolean bad;       /* a row beyond its document's run: not these postings' */
  guint32 n_old;      /* labels below it are the last run's */
  guint joined;       /* unions of two of the last run's components */
} CompsMake;

static guint32
cm_fresh (CompsMake *m)
{
  guint l = m->parent->len;
  g_array_append_val (m->parent, l);
  return l;
}

/* the label of (document id, index), a fresh one if it had none */
static guint32
cm_label (CompsMake *m, guint32 doc, guint32 index)
{
  if (index >= g_array_index (m->n, guint32, doc))
    {
      m->bad = TRUE;
      return cm_fresh (m);
    }
  guint32 at = g_array_index (m->first, guint32, doc) + index;
  guint32 *l = &g_array_index (m->labels, guint32, at);
  if (*l == COMP_NONE)
    *l = cm_fresh (m);
  return *l;
}

/* the kind-0 rows of key place `k` from the first whose document id is
 * `from` or more */
static guint32
pv_kind0_from (const PostingsView *v, guint32 k, guint32 from, guint32 *end)
{
  const guint8 *rows = v->rows + (gsize) pv_key (v, k, PE_FIRST) * 8;
  const guint32 kind1[2] = { 0, 1u << 30 }; /* the first row of kind 1 */
  *end = rows_lower_bound (rows, pv_key (v, k, PE_N), kind1);
  const guint32 want[2] = { from, 0 };
  return rows_lower_bound (rows, *end, want);
}

/* every kind-0 row of key place `k` from row `from` on joins the key's
 * first row */
static void
cm_key_unions (CompsMake *m, const PostingsView *v, guint32 k, guint32 from, guint32 end)
{
  const guint8 *rows = v->rows + (gsize) pv_key (v, k, PE_FIRST) * 8;
  if (!end)
    return;
  guint *parent = (guint *) m->parent->data;
  guint32 anchor = cm_label (m, rd32 (rows), rd32 (rows + 4) & POSTING_INDEX_MASK);
  for (guint32 j = MAX (from, 1); j < end; j++)
    {
      guint32 l = cm_label (m, rd32 (rows + 8 * j), rd32 (rows + 8 * j + 4) & POSTING_INDEX_MASK);
      parent = (guint *) m->parent->data; /* (cm_label may grow it) */
      guint a = nkg_uf_find (parent, anchor), b = nkg_uf_find (parent, l);
      if (a != b && a < m->n_old && b < m->n_old)
        m->joined++;
      uf_union (parent, a, b);
    }
}

GBytes *
nkg_postings_components (GBytes *old, GBytes *old_comps, GBytes *now,
                         NkgComponentsCounts *counts)
{
  g_return_val_if_fail (now && nkg_postings_valid (now), NULL);
  PostingsView nv, ov = { 0 };
  postings_view (now, &nv);
  CompsView oc = { 0 };
  gboolean from_old = old && old_comps && nkg_postings_valid (old)
                      && nkg_components_valid (old_comps, old);
  if (from_old)
    {
      postings_view (old, &ov);
      /* `now` is `old` updated: its ids are the old ones and more */
      from_old = ov.h[PH_NEXT_DOC] <= nv.h[PH_NEXT_DOC];
    }
  if (old_comps && !from_old)
    return NULL; /* the caller's to make them from every row */
  if (from_old)
    comps_view (old_comps, &oc);
  else
    memset (&ov, 0, sizeof ov);
  /* ids below old_next were the last run's: kept or removed */
  guint32 old_next = from_old ? ov.h[PH_NEXT_DOC] : 0;
  guint32 n_slots = nv.h[PH_NEXT_DOC];
  CompsMake m = { g_array_new (FALSE, TRUE, 4), g_array_new (FALSE, TRUE, 4),
                  g_array_new (FALSE, FALSE, 4), g_array_new (FALSE, FALSE, sizeof (guint)), FALSE,
                  0, 0 };
  g_array_set_size (m.first, n_slots);
  g_array_set_size (m.n, n_slots);
  /* the old labels keep their numbers in the union-find */
  for (guint32 l = 0; l < oc.h[CH_NEXT]; l++)
    cm_fresh (&m);
  m.n_old = oc.h[CH_NEXT];
  guint n_broken = 0;
  /* document id → place in `now`, and key id → place */
  g_autofree guint32 *doc_at = g_new (guint32, MAX (n_slots, 1));
  memset (doc_at, 0xff, sizeof (guint32) * MAX (n_slots, 1));
  for (guint32 d = 0; d < nv.h[PH_DOCS]; d++)
    doc_at[pv_doc (&nv, d, PE_ID)] = d;
  g_autofree guint32 *key_at = g_new (guint32, MAX (nv.h[PH_NEXT_KEY], 1));
  for (guint32 k = 0; k < nv.h[PH_KEYS]; k++)
    key_at[pv_key (&nv, k, PE_ID)] = k;

  /* kept documents: their old labels; the components that had an entity
   * of a removed document are taken apart (relabelled one by one) */
  g_autofree guint8 *broken = g_new0 (guint8, MAX (oc.h[CH_NEXT], 1));
  gboolean any_broken = FALSE;
  for (guint32 id = 0; id < old_next; id++)
    if (doc_at[id] == COMP_NONE)
      {
        guint32 f = rd32 (oc.slots + 8 * id), n = rd32 (oc.slots + 8 * id + 4);
        for (guint32 i = 0; i < n; i++)
          {
            guint32 l = rd32 (oc.labels + 4 * (f + i));
            if (l != COMP_NONE && !broken[l])
              {
                broken[l] = any_broken = TRUE;
                n_broken++;
              }
          }
      }
  guint n_relabelled = 0;
  g_autoptr (GArray) rebuild = g_array_new (FALSE, FALSE, 4); /* document ids */
  for (guint32 id = 0; id < old_next; id++)
    {
      if (doc_at[id] == COMP_NONE)
        continue;
      guint32 f = rd32 (oc.slots + 8 * id), n = rd32 (oc.slots + 8 * id + 4);
      g_array_index (m.first, guint32, id) = m.labels->len;
      g_array_index (m.n, guint32, id) = n;
      gboolean hit = FALSE;
      for (guint32 i = 0; i < n; i++)
        {
          guint32 l = rd32 (oc.labels + 4 * (f + i));
          if (l != COMP_NONE && broken[l])
            {
              l = COMP_NONE; /* a fresh label when a key reaches it */
              hit = TRUE;
              n_relabelled++;
            }
          g_array_append_val (m.labels, l);
        }
      if (hit)
        g_array_append_val (rebuild, id);
    }
  /* documents added: a run up to their last local index with a merge key */
  g_autofree guint8 *done = g_new0 (guint8, MAX (nv.h[PH_KEYS], 1));
  g_autoptr (GArray) touched = g_array_new (FALSE, FALSE, 4); /* key places */
  for (guint32 d = 0; d < nv.h[PH_DOCS]; d++)
    {
      guint32 id = pv_doc (&nv, d, PE_ID);
      if (id < old_next)
        continue;
      guint32 kf = pv_doc (&nv, d, PE_FIRST), kn = pv_doc (&nv, d, PE_N);
      guint32 top = 0;
      for (guint32 j = 0; j < kn; j++)
        {
          guint32 k = key_at[rd32 (nv.dockeys + 4 * (kf + j))];
          if (!done[k])
            {
              done[k] = 1;
              g_array_append_val (touched, k);
            }
          guint32 end, from = pv_kind0_from (&nv, k, id, &end);
          const guint8 *rows = nv.rows + (gsize) pv_key (&nv, k, PE_FIRST) * 8;
          for (guint32 r = from; r < end && rd32 (rows + 8 * r) == id; r++)
            top = MAX (top, (rd32 (rows + 8 * r + 4) & POSTING_INDEX_MASK) + 1);
        }
      g_array_index (m.first, guint32, id) = m.labels->len;
      g_array_index (m.n, guint32, id) = top;
      for (guint32 i = 0; i < top; i++)
        {
          guint32 none = COMP_NONE;
          g_array_append_val (m.labels, none);
        }
      n_relabelled += top;
    }
  /* the broken components again: every key of their documents joins its
   * rows (a key of one of their entities has all its rows among them, or
   * among the documents added) */
  for (guint32 r = 0; r < rebuild->len; r++)
    {
      guint32 d = doc_at[g_array_index (rebuild, guint32, r)];
      guint32 kf = pv_doc (&nv, d, PE_FIRST), kn = pv_doc (&nv, d, PE_N);
      for (guint32 j = 0; j < kn; j++)
        {
          guint32 k = key_at[rd32 (nv.dockeys + 4 * (kf + j))];
          if (done[k] == 2)
            continue;
          done[k] = 2;
          guint32 end;
          pv_kind0_from (&nv, k, 0, &end);
          cm_key_unions (&m, &nv, k, 0, end);
        }
    }
  /* the keys of the documents added: their rows join the key's first row
   * (the last run's rows of a key are one component already) */
  for (guint32 t = 0; t < touched->len; t++)
    {
      guint32 k = g_array_index (touched, guint32, t);
      if (done[k] == 2)
        continue;
      guint32 end, from = pv_kind0_from (&nv, k, old_next, &end);
      cm_key_unions (&m, &nv, k, from, end);
    }

  /* out: labels numbered by first use, in document id order */
  guint *parent = (guint *) m.parent->data;
  g_autofree guint32 *number = g_new (guint32, MAX (m.parent->len, 1));
  memset (number, 0xff, sizeof (guint32) * MAX (m.parent->len, 1));
  guint32 next = 0;
  GByteArray *out = g_byte_array_sized_new (CH_WORDS * 4 + n_slots * 8 + m.labels->len * 4);
  put32 (out, n_slots);
  put32 (out, m.labels->len);
  put32 (out, 0); /* next_label, below */
  for (guint32 id = 0; id < n_slots; id++)
    {
      put32 (out, g_array_index (m.first, guint32, id));
      put32 (out, g_array_index (m.n, guint32, id));
    }
  for (guint32 i = 0; i < m.labels->len; i++)
    {
      guint32 l = g_array_index (m.labels, guint32, i);
      if (l != COMP_NONE)
        {
          guint r = nkg_uf_find (parent, l);
          if (number[r] == COMP_NONE)
            number[r] = next++;
          l = number[r];
        }
      put32 (out, l);
    }
  guint32 le = GUINT32_TO_LE (next);
  memcpy (out->data + 4 * CH_NEXT, &le, 4);
  /* the local entities of components with a label given afresh (added,
   * or taken apart): those whose sums a later brick would redo */
  guint n_changed = 0;
  g_autofree guint8 *fresh = g_new0 (guint8, MAX (m.parent->len, 1));
  for (guint32 i = 0; i < m.labels->len; i++)
    {
      guint32 l = g_array_index (m.labels, guint32, i);
      if (l != COMP_NONE && l >= m.n_old)
        fresh[nkg_uf_find (parent, l)] = 1;
    }
  for (guint32 i = 0; i < m.labels->len; i++)
    {
      guint32 l = g_array_index (m.labels, guint32, i);
      n_changed += l != COMP_NONE && fresh[nkg_uf_find (parent, l)];
    }
  gboolean bad = m.bad;
  if (counts)
    {
      counts->labelled = n_relabelled;
      counts->joined = m.joined;
      counts->broken = n_broken;
      counts->components = next;
      counts->changed = n_changed;
    }
  g_array_unref (m.first);
  g_array_unref (m.n);
  g_array_unref (m.labels);
  g_array_unref (m.parent);
  if (bad)
    {
      g_byte_array_unref (out);
      return NULL;
    }
  return g_byte_array_free_to_bytes (out);
}

/* the label of (slot, index) in `c`, COMP_NONE beyond its run */
static guint32
cv_label (const CompsView *c, guint32 slot, guint32 index)
{
  if (slot >= c->h[CH_SLOTS] || index >= rd32 (c->slots + 8 * slot + 4))
    return COMP_NONE;
  return rd32 (c->labels + 4 * ((gsize) rd32 (c->slots + 8 * slot) + index));
}

gboolean
nkg_components_same (GBytes *a, GBytes *b, char **why)
{
  CompsView x, y;
  if (!comps_view (a, &x) || !comps_view (b, &y) || x.h[CH_SLOTS] != y.h[CH_SLOTS])
    {
      *why = g_strdup ("not two components of the same documents");
      return FALSE;
    }
  /* a label of one side is one label of the other, both ways */
  g_autofree guint32 *to = g_new (guint32, MAX (x.h[CH_NEXT], 1));
  g_autofree guint32 *from = g_new (guint32, MAX (y.h[CH_NEXT], 1));
  memset (to, 0xff, sizeof (guint32) * MAX (x.h[CH_NEXT], 1));
  memset (from, 0xff, sizeof (guint32) * MAX (y.h[CH_NEXT], 1));
  for (guint32 s = 0; s < x.h[CH_SLOTS]; s++)
    {
      guint32 n = MAX (rd32 (x.slots + 8 * s + 4), rd32 (y.slots + 8 * s + 4));
      for (guint32 i = 0; i < n; i++)
        {
          guint32 l = cv_label (&x, s, i), m = cv_label (&y, s, i);
          gboolean ok = (l == COMP_NONE) == (m == COMP_NONE);
          if (ok && l != COMP_NONE)
            {
              if (to[l] == COMP_NONE && from[m] == COMP_NONE)
                to[l] = m, from[m] = l;
              ok = to[l] == m && from[m] == l;
            }
          if (!ok)
            {
              *why = g_strdup_printf ("local entity %u of document id %u: in component %d "
                                      "of one, %d of the other",
                                      i, s, (int) l, (int) m);
              return FALSE;
            }
        }
    }
  return TRUE;
}

gboolean
nkg_graph_components_check (NkgGraph *g, GBytes *now, GBytes *comps, guint *total, char **why)
{
  g_return_val_if_fail (g->stage && !g->finished && now && comps, FALSE);
  NkgGraphStage *st = g->stage;
  PostingsView v;
  CompsView c;
  if (!nkg_postings_valid (now) || !postings_view (now, &v) || !nkg_components_valid (comps, now)
      || !comps_view (comps, &c))
    {
      *why = g_strdup ("the postings or the components are not valid");
      return FALSE;
    }
  /* today's linking of every staged document */
  g_autoptr (GPtrArray) docs = staged_in_order (st);
  guint n = 0;
  g_autoptr (GHashTable) slot_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 d = 0; d < v.h[PH_DOCS]; d++)
    g_hash_table_insert (slot_of, (gpointer) pv_str (&v, pv_doc (&v, d, PE_STR)),
                         GUINT_TO_POINTER (pv_doc (&v, d, PE_ID) + 1));
  /* document id → its first local entity's number in the linking */
  g_autofree guint *base = g_new (guint, MAX (v.h[PH_NEXT_DOC], 1));
  g_autofree guint32 *slot = g_new (guint32, MAX (docs->len, 1));
  for (guint d = 0; d < docs->len; d++)
    {
      StagedDoc *s = docs->pdata[d];
      guint id = GPOINTER_TO_UINT (g_hash_table_lookup (slot_of, posting_doc (st, s)));
      if (!id)
        {
          *why = g_strdup_printf ("a staged document has no postings: %s", posting_doc (st, s));
          return FALSE;
        }
      slot[d] = id - 1;
      base[id - 1] = n;
      n += s->n_entities;
    }
  if (docs->len != v.h[PH_DOCS])
    {
      *why = g_strdup_printf ("the postings name %u documents, %u are staged", v.h[PH_DOCS],
                              docs->len);
      return FALSE;
    }
  if (total)
    *total = n;
  g_autofree guint *want = g_new (guint, MAX (n, 1));
  link_locals (docs, want, n);

  /* the components' linking: their key-components, then the surname rule
   * over them (as link_locals: the offers read before any surname join) */
  g_autofree guint *have = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    have[i] = i;
  g_autofree guint *first = g_new (guint, MAX (c.h[CH_NEXT], 1));
  memset (first, 0xff, sizeof (guint) * MAX (c.h[CH_NEXT], 1));
  guint id = 0;
  for (guint d = 0; d < docs->len; d++)
    {
      StagedDoc *s = docs->pdata[d];
      for (guint i = 0; i < s->n_entities; i++, id++)
        {
          guint32 l = cv_label (&c, slot[d], i);
          if (l == COMP_NONE)
            continue;
          if (first[l] == G_MAXUINT)
            first[l] = id;
          else
            uf_union (have, id, first[l]);
        }
    }
  g_autoptr (GArray) joins = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  for (guint32 k = 0; k < v.h[PH_KEYS]; k++)
    {
      const guint8 *rows = v.rows + (gsize) pv_key (&v, k, PE_FIRST) * 8;
      guint32 nr = pv_key (&v, k, PE_N);
      guint offer = G_MAXUINT;
      gboolean one = TRUE;
      for (guint32 j = 0; j < nr; j++)
        {
          guint32 packed = rd32 (rows + 8 * j + 4);
          if (packed >> 30 != 1)
            continue;
          guint e = base[rd32 (rows + 8 * j)] + (packed & POSTING_INDEX_MASK);
          guint r = nkg_uf_find (have, e);
          if (offer != G_MAXUINT && offer != r)
            one = FALSE;
          offer = r;
        }
      if (offer == G_MAXUINT || !one)
        continue;
      for (guint32 j = 0; j < nr; j++)
        {
          guint32 packed = rd32 (rows + 8 * j + 4);
          if (packed >> 30 != 2)
            continue;
          guint pair[2] = { base[rd32 (rows + 8 * j)] + (packed & POSTING_INDEX_MASK), offer };
          g_array_append_val (joins, pair);
        }
    }
  for (guint i = 0; i < joins->len; i++)
    {
      const guint *pair = &g_array_index (joins, guint, 2 * i);
      uf_union (have, pair[0], pair[1]);
    }
  /* the same partition: roots are each component's least member in both */
  for (guint i = 0; i < n; i++)
    if (nkg_uf_find (have, i) != nkg_uf_find (want, i))
      {
        *why = g_strdup_printf ("local entity %u is in the component of %u by the stored "
                                "components, of %u by the linking",
                                i, nkg_uf_find (have, i), nkg_uf_find (want, i));
        return FALSE;
      }
  return TRUE;
}
