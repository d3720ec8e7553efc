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
} MergePass;

/* Entities' build state and quotes; frees what only it reads. */
static gpointer
merge_locals_and_quotes (gpointer data)
{
  MergePass *m = data;
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

  /* With a second thread, the two passes run side by side: the merge is
   * the serial tail of a build, after every article is extracted. */
  g_autoptr (GHashTable) quotes = g_hash_table_new_full (quote_key_hash, quote_key_equal,
                                                         quote_key_free, NULL);
  MergePass m = { g, docs, of, quotes };
  GThread *locals = nkg_graph_threads (g) > 1
                        ? g_thread_try_new ("nkg-merge", merge_locals_and_quotes, &m, NULL)
                        : NULL;
  if (!locals)
    merge_locals_and_quotes (&m);
  merge_facts (&m);
  if (locals)
    g_thread_join (locals);
  for (guint d = 0; d < docs->len; d++)
    {
      StagedDoc *s = g_ptr_array_index (docs, d);
      /* the graph owns the document (g->docs) */
      s->doc = NULL;
      g_clear_pointer (&s->key, g_free);
    }
}

/* ------------------------------------------------------------ postings */

/* One row of nkg_graph_postings; the strings are interned by the stage,
 * or borrowed from the old value. */
typedef struct {
  const char *key;
  const char *doc;
  guint32 index;
  guint8 kind;
} PostingRow;

static gint
posting_row_cmp (gconstpointer a, gconstpointer b)
{
  const PostingRow *x = a, *y = b;
  int c = strcmp (x->key, y->key);
  if (c)
    return c;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  c = strcmp (x->doc, y->doc);
  if (c)
    return c;
  return x->index < y->index ? -1 : x->index > y->index;
}

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
posting_rows_of (GArray *rows, const StagedDoc *s, const char *doc)
{
  for (guint i = 0; i < s->n_entities; i++)
    {
      const StagedEntity *se = &s->entities[i];
      for (guint k = 0; k < se->n_keys; k++)
        {
          PostingRow r = { s->strs[se->first + se->n_aliases + k], doc, i, 0 };
          g_array_append_val (rows, r);
        }
      if (se->flags & LOCAL_OFFERS_SURNAME)
        {
          PostingRow r = { se->surname, doc, i, 1 };
          g_array_append_val (rows, r);
        }
      if ((se->flags & LOCAL_SEEKS_SURNAME) && (se->flags & LOCAL_LINKABLE))
        {
          PostingRow r = { se->surname, doc, i, 2 };
          g_array_append_val (rows, r);
        }
    }
}

static gint
iri_ptr_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GVariant *
nkg_graph_postings (NkgGraph *g, GVariant *old, guint *added, guint *removed)
{
  g_return_val_if_fail (g->stage && !g->finished, NULL);
  g_return_val_if_fail (!old || g_variant_is_of_type (old, G_VARIANT_TYPE (NKG_POSTINGS_TYPE)),
                        NULL);
  NkgGraphStage *st = g->stage;
  /* the staged documents by IRI */
  g_autoptr (GHashTable) staged = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init (&it, st->by_key);
  while (g_hash_table_iter_next (&it, NULL, &v))
    {
      StagedDoc *s = v;
      g_hash_table_insert (staged, (gpointer) posting_doc (st, s), s);
    }
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (PostingRow));
  g_autoptr (GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GVariant) old_docs = NULL, old_rows = NULL;
  guint n_removed = 0, n_added = 0;
  if (old)
    {
      old_docs = g_variant_get_child_value (old, 0);
      old_rows = g_variant_get_child_value (old, 1);
      gsize n = g_variant_n_children (old_docs);
      for (gsize i = 0; i < n; i++)
        {
          const char *iri;
          g_variant_get_child (old_docs, i, "&s", &iri);
          if (g_hash_table_contains (staged, iri))
            g_hash_table_add (covered, (gpointer) iri);
          else
            n_removed++;
        }
      /* the rows of documents still staged: those of removed ones go */
      gsize m = g_variant_n_children (old_rows);
      for (gsize i = 0; i < m; i++)
        {
          PostingRow r;
          guint32 index;
          g_variant_get_child (old_rows, i, "(&sy&su)", &r.key, &r.kind, &r.doc, &index);
          r.index = index;
          if (g_hash_table_contains (covered, r.doc))
            g_array_append_val (rows, r);
        }
    }
  /* the documents the old value does not cover */
  g_autoptr (GPtrArray) iris = g_ptr_array_new ();
  g_hash_table_iter_init (&it, staged);
  gpointer k;
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      g_ptr_array_add (iris, k);
      if (g_hash_table_contains (covered, k))
        continue;
      posting_rows_of (rows, v, k);
      n_added++;
    }
  g_ptr_array_sort (iris, iri_ptr_cmp);
  g_array_sort (rows, posting_row_cmp);

  GVariantBuilder b;
  g_variant_builder_init (&b, G_VARIANT_TYPE (NKG_POSTINGS_TYPE));
  g_variant_builder_open (&b, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < iris->len; i++)
    g_variant_builder_add (&b, "s", (const char *) iris->pdata[i]);
  g_variant_builder_close (&b);
  g_variant_builder_open (&b, G_VARIANT_TYPE ("a(sysu)"));
  for (guint i = 0; i < rows->len; i++)
    {
      const PostingRow *r = &g_array_index (rows, PostingRow, i);
      g_variant_builder_add (&b, "(sysu)", r->key, r->kind, r->doc, r->index);
    }
  g_variant_builder_close (&b);
  if (added)
    *added = n_added;
  if (removed)
    *removed = n_removed;
  return g_variant_ref_sink (g_variant_builder_end (&b));
}
