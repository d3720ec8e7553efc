/* dot.c — diagrams through cgraph and gvc; see dot.h.
 *
 * Three steps: select (which entities and relations the view draws, and
 * what it leaves out), then build (a cgraph graph with styled, labelled
 * nodes and edges, a legend and a caption), then write (agwrite for DOT,
 * gvLayout + gvRenderData for SVG).
 */
#include "dot.h"

#include <errno.h>
#include "atomic.h"
#include "export.h"
#include "graph/iri.h"
#include <graphviz/gvc.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (nkg-dot-error-quark, nkg_dot_error)

/* `dot` is the nicest layout but its crossing minimisation grows fast with
 * edges; above these sizes the view switches to sfdp, which stays near
 * linear. Above the sfdp limits even sfdp takes many seconds and the
 * picture is a hairball anyway, so the view is refused before any layout
 * work starts. */
#define DOT_MAX_NODES 150
#define DOT_MAX_EDGES 400
#define SFDP_MAX_NODES 2000
#define SFDP_MAX_EDGES 8000
/* A dot layout more than STRIP_RATIO times wider than tall (or taller
 * than wide), and over STRIP_MIN_POINTS long, is a strip no page can show. */
#define STRIP_RATIO 4.0
#define STRIP_MIN_POINTS 1500.0
#define STRIP_MIN_NODES 12

/* Relations kept per drawn entity in a capped view (see thin_edges). */
#define EDGES_PER_NODE 3
/* Pen width of the best-supported relation in a view. */
#define PEN_MAX 5.0

/* Label text widths: long agreement names are wrapped so nodes stay
 * roughly square, which keeps `dot` ranks compact. */
#define NAME_WRAP 26
#define NAME_MAX_LINES 3
#define DETAIL_MAX_CHARS 60
/* Tooltips and caption stay a glance long; the full text is in the
 * Turtle and `newskg show`. */
#define TIP_SENTENCE_MAX 280
#define TIP_MAX_SENTENCES 2
#define TIP_MAX_ALIASES 8
#define LONE_NAMES_CHARS 60
#define LONE_NAME_MAX 30

#define FONT "Helvetica,Arial,sans-serif"

/* Okabe & Ito's palette stays distinguishable under the common colour
 * vision deficiencies; each class also has its own shape, so the picture
 * still reads in greyscale. Dark fills get white text for contrast. */
typedef struct {
  const char *fill;
  const char *font;
  const char *shape;
  const char *style;
} ClassStyle;

static const ClassStyle class_styles[NKG_CLASS_N] = {
  [NKG_CLASS_PERSON] = { "#56B4E9", "black", "ellipse", "filled" },
  [NKG_CLASS_GOV_ORG] = { "#0072B2", "white", "box", "filled" },
  [NKG_CLASS_ORG] = { "#009E73", "black", "box", "filled,rounded" },
  [NKG_CLASS_COUNTRY] = { "#E69F00", "black", "hexagon", "filled" },
  [NKG_CLASS_CITY] = { "#F0E442", "black", "octagon", "filled" },
  [NKG_CLASS_PLACE] = { "#DDDDDD", "black", "parallelogram", "filled" },
  [NKG_CLASS_EVENT] = { "#CC79A7", "black", "folder", "filled" },
  [NKG_CLASS_AGREEMENT] = { "#D55E00", "black", "note", "filled" },
};

/* Edge labels: the contract's local names are precise but long
 * ("containedInPlace"); a diagram wants a word or two. */
static const char *const prop_short[NKG_PROP_N] = {
  [NKG_PROP_JOB_TITLE] = "title",
  [NKG_PROP_REPRESENTS] = "represents",
  [NKG_PROP_WORKS_FOR] = "works for",
  [NKG_PROP_SIGNED] = "signed",
  [NKG_PROP_PARTY] = "party",
  [NKG_PROP_SIGNED_IN] = "signed in",
  [NKG_PROP_SIGNED_ON] = "signed on",
  [NKG_PROP_REPLACES] = "replaces",
  [NKG_PROP_DURATION] = "duration",
  [NKG_PROP_MET] = "met",
  [NKG_PROP_ATTENDED] = "attended",
  [NKG_PROP_LOCATION] = "at",
  [NKG_PROP_START_DATE] = "began",
  [NKG_PROP_CONTAINED_IN] = "in",
  [NKG_PROP_SUB_ORG] = "part of",
  [NKG_PROP_HANDLE] = "handle",
};

void
nkg_dot_options_init (NkgDotOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->hops = 1;
  options->min_support = 1;
  options->max_nodes = NKG_DOT_DEFAULT_MAX_NODES;
  options->legend = TRUE;
}

gboolean
nkg_dot_parse_types (const char *list, guint *mask, GError **error)
{
  /* Short and plural spellings people type without looking up the keys. */
  static const struct {
    const char *word;
    NkgClass klass;
  } synonyms[] = {
    { "people", NKG_CLASS_PERSON },      { "gov", NKG_CLASS_GOV_ORG },
    { "org", NKG_CLASS_ORG },            { "organisation", NKG_CLASS_ORG },
    { "places", NKG_CLASS_PLACE },       { "cities", NKG_CLASS_CITY },
    { "countries", NKG_CLASS_COUNTRY },  { "agreements", NKG_CLASS_AGREEMENT },
  };
  g_return_val_if_fail (mask != NULL, FALSE);
  guint m = 0;
  g_auto (GStrv) words = g_strsplit (list ? list : "", ",", -1);
  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *w = g_strstrip (g_strdup (words[i]));
      if (!*w)
        continue;
      NkgClass k = nkg_class_from_key (w);
      if (k == NKG_CLASS_NONE && g_str_has_suffix (w, "s"))
        {
          g_autofree char *singular = g_strndup (w, strlen (w) - 1);
          k = nkg_class_from_key (singular);
        }
      for (gsize j = 0; k == NKG_CLASS_NONE && j < G_N_ELEMENTS (synonyms); j++)
        if (g_ascii_strcasecmp (w, synonyms[j].word) == 0)
          k = synonyms[j].klass;
      if (k == NKG_CLASS_NONE)
        {
          g_autoptr (GString) known = g_string_new (NULL);
          for (int c = 0; c < NKG_CLASS_N; c++)
            g_string_append_printf (known, "%s%s", c ? ", " : "",
                                    nkg_class_info ((NkgClass) c)->key);
          g_set_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_INVALID,
                       "unknown type '%s' (known: %s)", w, known->str);
          return FALSE;
        }
      m |= 1u << k;
    }
  if (m == 0)
    {
      g_set_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_INVALID,
                   "empty type list (give e.g. person,agreement)");
      return FALSE;
    }
  *mask = m;
  return TRUE;
}

/* ---------------------------------------------------------------- select */

/* The selection works on indices over what it needs of the whole graph
 * (a Skeleton: entities in IRI order, relations in the graph's order), so
 * that a graph in memory and a snapshot read in place
 * (nkg_dot_write_snapshot) are selected from by the same code and give the
 * same picture. Only what is drawn is then made into objects. */

/* A relation (see is_relation): an entity-to-entity fact a view may draw
 * as an edge. */
typedef struct {
  guint32 subject, object; /* entity indices */
  guint32 support;         /* supporting documents */
  gboolean gazetteer;
  guint32 fact;            /* its index in the graph's facts */
} Link;

typedef struct {
  guint n_ents;
  guint8 *klass;
  guint32 *ndocs, *nquotes, *mentions;
  GArray *links;           /* Link */
  NkgSnapshotColumns cols; /* read in place: the columns (n_entities 0 otherwise) */
} Skeleton;

static void
skeleton_clear (Skeleton *sk)
{
  g_clear_pointer (&sk->klass, g_free);
  g_clear_pointer (&sk->ndocs, g_free);
  g_clear_pointer (&sk->nquotes, g_free);
  g_clear_pointer (&sk->mentions, g_free);
  g_clear_pointer (&sk->links, g_array_unref);
}

static void
skeleton_init (Skeleton *sk, guint n_ents)
{
  sk->n_ents = n_ents;
  sk->klass = g_new0 (guint8, MAX (n_ents, 1));
  sk->ndocs = g_new0 (guint32, MAX (n_ents, 1));
  sk->nquotes = g_new0 (guint32, MAX (n_ents, 1));
  sk->mentions = g_new0 (guint32, MAX (n_ents, 1));
  sk->links = g_array_new (FALSE, FALSE, sizeof (Link));
}

typedef struct {
  guint32 entity; /* index */
  guint dist;     /* hops from the focus; 0 without one */
  guint degree;   /* drawable relations to other candidates */
  double score;   /* importance, for the cap */
} Candidate;

/* Lone entities whose names the caption may show: it stops at
 * LONE_NAMES_CHARS, and every name after the first adds at least ", ". */
#define LONE_NAMES_MAX (LONE_NAMES_CHARS / 2 + 2)

typedef struct {
  NkgGraph *graph;     /* where the drawn entities and facts are: the whole
                        * graph, or a small graph read from a snapshot */
  NkgDotOptions opt;
  NkgEntity *focus;
  Skeleton sk;         /* the whole graph, as selected from */
  GHashTable *index;   /* NkgEntity* drawn → its index in `sk` + 1 */
  GHashTable *fact_support; /* read in place: NkgFact* → support + 1 */
  guint n_entities;    /* in the whole graph */
  GPtrArray *nodes;    /* NkgEntity* drawn, in IRI order */
  GHashTable *drawn;   /* set of NkgEntity* in `nodes` */
  GPtrArray *edges;    /* NkgFact* drawn, in graph order */
  guint total_rel;     /* entity-to-entity relations in the graph */
  guint filtered;      /* entities left out by focus, types, support */
  guint capped;        /* entities left out by the cap */
  guint n_lone;        /* entities left out for having no relation */
  GPtrArray *lone_names; /* the first of them by importance: their names */
  guint thinned;       /* relations among drawn entities left out by the edge budget */
} View;

static guint
doc_count (const NkgFact *f)
{
  return f->docs ? f->docs->len : 0;
}

/* A fact's supporting documents: counted in the whole graph (a small
 * graph read from a snapshot makes no documents of its facts). */
static guint
support (const View *v, const NkgFact *f)
{
  if (!v->fact_support)
    return doc_count (f);
  return GPOINTER_TO_UINT (g_hash_table_lookup (v->fact_support, f)) - 1;
}

/* What the selection decides, by index. */
typedef struct {
  GArray *nodes; /* entity indices drawn, increasing (IRI order) */
  GArray *edges; /* positions in Skeleton.links drawn, increasing */
  GArray *lone;  /* entity indices without relations, by importance */
  guint total_rel, filtered, capped;
} Selection;

static void
selection_clear (Selection *s)
{
  g_clear_pointer (&s->nodes, g_array_unref);
  g_clear_pointer (&s->edges, g_array_unref);
  g_clear_pointer (&s->lone, g_array_unref);
}

static void
view_clear (View *v)
{
  skeleton_clear (&v->sk);
  g_clear_pointer (&v->index, g_hash_table_unref);
  g_clear_pointer (&v->fact_support, g_hash_table_unref);
  g_clear_pointer (&v->nodes, g_ptr_array_unref);
  g_clear_pointer (&v->drawn, g_hash_table_unref);
  g_clear_pointer (&v->edges, g_ptr_array_unref);
  g_clear_pointer (&v->lone_names, g_ptr_array_unref);
}


/* A gazetteer fact (a city's country) has no supporting article; it is as
 * visible as a fact one article supports. */
static gboolean
visible (const NkgDotOptions *opt, guint support, gboolean gazetteer)
{
  return MAX (support, gazetteer ? 1u : 0u) >= opt->min_support;
}

static gboolean
fact_visible (const View *v, const NkgFact *f)
{
  return visible (&v->opt, support (v, f), f->gazetteer);
}

static gboolean
class_allowed (const NkgDotOptions *opt, guint klass, guint ndocs)
{
  if (opt->types && !(opt->types & (1u << klass)))
    return FALSE;
  return ndocs >= opt->min_support;
}

static gboolean
entity_allowed (const View *v, const NkgEntity *e)
{
  if (e == v->focus)
    return TRUE;
  return class_allowed (&v->opt, e->klass, e->docs ? e->docs->len : 0);
}

/* "met" is asserted in both directions; a diagram draws it once, from the
 * end with the smaller IRI, unless only one direction is there. */
static gboolean
is_mirror_duplicate (const NkgFact *f)
{
  if (!nkg_prop_info (f->prop)->symmetric || strcmp (f->subject->iri, f->object->iri) <= 0)
    return FALSE;
  for (guint i = 0; i < f->object->out->len; i++)
    {
      const NkgFact *r = g_ptr_array_index (f->object->out, i);
      if (r->prop == f->prop && r->object == f->subject)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_relation (const NkgFact *f)
{
  return f->object != NULL && f->object != f->subject && !is_mirror_duplicate (f);
}

static int
entity_iri_cmp (gconstpointer pa, gconstpointer pb)
{
  const NkgEntity *a = *(NkgEntity *const *) pa;
  const NkgEntity *b = *(NkgEntity *const *) pb;
  return strcmp (a->iri, b->iri);
}

/* The skeleton of a graph in memory; *ents gets its entities in IRI order
 * (the skeleton's indices), *index each entity's index + 1. */
static void
skeleton_of_graph (NkgGraph *g, Skeleton *sk, GPtrArray **ents, GHashTable **index)
{
  /* (not g_ptr_array_copy, which would take the graph's free function) */
  GPtrArray *sorted = g_ptr_array_sized_new (g->entities->len);
  for (guint i = 0; i < g->entities->len; i++)
    g_ptr_array_add (sorted, g->entities->pdata[i]);
  g_ptr_array_sort (sorted, entity_iri_cmp);
  GHashTable *ix = g_hash_table_new (NULL, NULL);
  skeleton_init (sk, sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    {
      NkgEntity *e = sorted->pdata[i];
      g_hash_table_insert (ix, e, GUINT_TO_POINTER (i + 1));
      sk->klass[i] = e->klass;
      sk->ndocs[i] = e->docs ? e->docs->len : 0;
      sk->nquotes[i] = e->quotes ? e->quotes->len : 0;
      sk->mentions[i] = e->mention_count;
    }
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      if (!is_relation (f))
        continue;
      Link l = { GPOINTER_TO_UINT (g_hash_table_lookup (ix, f->subject)) - 1,
                 GPOINTER_TO_UINT (g_hash_table_lookup (ix, f->object)) - 1, doc_count (f),
                 f->gazetteer, i };
      g_array_append_val (sk->links, l);
    }
  *ents = sorted;
  *index = ix;
}

/* The skeleton of a snapshot, read in place: the same as skeleton_of_graph
 * gives for the graph it holds. Its entities are in IRI order already, so
 * comparing two IRIs is comparing two indices. */
static gboolean
skeleton_of_snapshot (const NkgSnapshotView *view, Skeleton *sk)
{
  NkgSnapshotColumns c;
  if (!nkg_snapshot_view_columns (view, &c))
    return FALSE;
  skeleton_init (sk, c.n_entities);
  sk->cols = c;
  for (gsize i = 0; i < c.n_entities; i++)
    {
      sk->klass[i] = c.ent_class[i];
      sk->ndocs[i] = c.ent_doc_at[i + 1] - c.ent_doc_at[i];
      sk->nquotes[i] = c.ent_quote_at[i + 1] - c.ent_quote_at[i];
      sk->mentions[i] = c.ent_mentions[i];
    }
  for (gsize i = 0; i < c.n_facts; i++)
    {
      guint32 s = c.fact_subject[i], o = c.fact_object[i];
      if (o == 0 || o - 1 == s)
        continue;
      o--;
      /* is_mirror_duplicate */
      if (nkg_prop_info ((NkgProp) c.fact_prop[i])->symmetric && s > o)
        {
          gboolean mirror = FALSE;
          for (guint32 k = c.ent_out_at[o]; k < c.ent_out_at[o + 1] && !mirror; k++)
            {
              guint32 r = c.ent_out[k];
              mirror = c.fact_prop[r] == c.fact_prop[i] && c.fact_object[r] == s + 1;
            }
          if (mirror)
            continue;
        }
      Link l = { s, o, c.fact_doc_at[i + 1] - c.fact_doc_at[i], (c.fact_flags[i] & 1) != 0,
                 (guint32) i };
      g_array_append_val (sk->links, l);
    }
  return TRUE;
}

/* Ego graph: breadth-first over visible relations, in both directions,
 * through allowed entities only, so a --types view stays of those types.
 * Appends (entity index, hops) candidates. */
static void
select_around_focus (View *v, GHashTable *index, GArray *cands)
{
  g_autoptr (GPtrArray) queue = g_ptr_array_new ();
  g_autoptr (GHashTable) dist = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (dist, v->focus, GUINT_TO_POINTER (1));
  g_ptr_array_add (queue, v->focus);
  for (guint head = 0; head < queue->len; head++)
    {
      NkgEntity *e = g_ptr_array_index (queue, head);
      guint d = GPOINTER_TO_UINT (g_hash_table_lookup (dist, e)) - 1;
      Candidate c = { GPOINTER_TO_UINT (g_hash_table_lookup (index, e)) - 1, d, 0, 0.0 };
      g_array_append_val (cands, c);
      if (d >= v->opt.hops)
        continue;
      GPtrArray *sides[2] = { e->out, e->in };
      for (guint s = 0; s < 2; s++)
        for (guint i = 0; i < sides[s]->len; i++)
          {
            NkgFact *f = g_ptr_array_index (sides[s], i);
            NkgEntity *other = s == 0 ? f->object : f->subject;
            if (!other || !fact_visible (v, f) || !entity_allowed (v, other)
                || g_hash_table_contains (dist, other))
              continue;
            g_hash_table_insert (dist, other, GUINT_TO_POINTER (d + 2));
            g_ptr_array_add (queue, other);
          }
    }
}

/* Nearer the focus first; then entities with relations before isolated
 * ones (an unconnected node says little in a diagram); then importance;
 * IRI last so the order never depends on hashing. */
static int
entity_index_cmp (gconstpointer pa, gconstpointer pb)
{
  guint32 a = *(const guint32 *) pa, b = *(const guint32 *) pb;
  return a < b ? -1 : a > b;
}

static int
candidate_cmp (gconstpointer pa, gconstpointer pb)
{
  const Candidate *a = pa;
  const Candidate *b = pb;
  if (a->dist != b->dist)
    return a->dist < b->dist ? -1 : 1;
  if ((a->degree > 0) != (b->degree > 0))
    return a->degree > 0 ? -1 : 1;
  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  return a->entity < b->entity ? -1 : a->entity > b->entity;
}

/* Ranks the candidates (all allowed entities, or those of the ego graph
 * in `cands`) and decides what is drawn. */
static void
select_indices (const NkgDotOptions *opt, gboolean focused, const Skeleton *sk, GArray *cands,
                Selection *out)
{
  memset (out, 0, sizeof *out);
  if (!focused)
    for (guint i = 0; i < sk->n_ents; i++)
      if (class_allowed (opt, sk->klass[i], sk->ndocs[i]))
        {
          Candidate c = { i, 0, 0, 0.0 };
          g_array_append_val (cands, c);
        }
  /* candidate of each entity, by position in `cands` + 1 */
  g_autofree guint32 *slot = g_new0 (guint32, MAX (sk->n_ents, 1));
  for (guint i = 0; i < cands->len; i++)
    slot[g_array_index (cands, Candidate, i).entity] = i + 1;

  /* Importance: how often the corpus talks about an entity, in how many
   * articles, and how connected it is within the view. */
  const Link *links = (const Link *) sk->links->data;
  for (guint i = 0; i < sk->links->len; i++)
    {
      const Link *l = &links[i];
      if (!visible (opt, l->support, l->gazetteer) || !slot[l->subject] || !slot[l->object])
        continue;
      Candidate *a = &g_array_index (cands, Candidate, slot[l->subject] - 1);
      Candidate *b = &g_array_index (cands, Candidate, slot[l->object] - 1);
      double w = 3.0 + 2.0 * (MAX (l->support, 1u) - 1);
      a->degree++, b->degree++;
      a->score += w, b->score += w;
    }
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = &g_array_index (cands, Candidate, i);
      c->score += sk->mentions[c->entity] + 2.0 * sk->ndocs[c->entity];
    }

  g_array_sort (cands, candidate_cmp);
  const Candidate *ranked = (const Candidate *) cands->data;
  guint keep = cands->len;
  /* Unconnected entities of an overview stack up in a tall column that
   * says nothing about structure; the caption names them instead. They
   * sort last, so they are a tail. A view with no relation at all keeps
   * them: an empty picture would be worse. */
  out->lone = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (!focused && !opt->isolated && keep && ranked[0].degree > 0)
    while (ranked[keep - 1].degree == 0)
      keep--;
  for (guint i = keep; i < cands->len; i++)
    g_array_append_val (out->lone, ranked[i].entity);
  guint connected = keep;
  if (opt->max_nodes && keep > opt->max_nodes)
    keep = opt->max_nodes;
  out->filtered = sk->n_ents - cands->len;
  out->capped = connected - keep;

  g_autofree guint8 *drawn = g_new0 (guint8, MAX (sk->n_ents, 1));
  out->nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint i = 0; i < keep; i++)
    {
      drawn[ranked[i].entity] = 1;
      g_array_append_val (out->nodes, ranked[i].entity);
    }
  g_array_sort (out->nodes, (GCompareFunc) entity_index_cmp);

  out->edges = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint i = 0; i < sk->links->len; i++)
    {
      const Link *l = &links[i];
      out->total_rel++;
      if (visible (opt, l->support, l->gazetteer) && drawn[l->subject] && drawn[l->object])
        g_array_append_val (out->edges, i);
    }
}

/* Stronger first: relations of the focus, then more supporting
 * documents, then higher confidence; graph order last. */
static int
edge_strength_cmp (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const NkgFact *a = *(NkgFact *const *) pa, *b = *(NkgFact *const *) pb;
  const View *v = data;
  const NkgEntity *focus = v->focus;
  gboolean fa = focus && (a->subject == focus || a->object == focus);
  gboolean fb = focus && (b->subject == focus || b->object == focus);
  if (fa != fb)
    return fa ? -1 : 1;
  if (support (v, a) != support (v, b))
    return support (v, a) > support (v, b) ? -1 : 1;
  if (a->confidence != b->confidence)
    return a->confidence > b->confidence ? -1 : 1;
  return strcmp (a->iri, b->iri);
}

/* The most important entities of a big corpus are its hubs, and the
 * relations among a hundred hubs run into thousands: a hairball that
 * `dot` cannot lay out quickly. A capped view keeps at most
 * EDGES_PER_NODE relations per drawn entity: first each entity's
 * strongest one, so nothing drawn is cut loose, then the strongest of the
 * rest. The caption counts what went. */
static void
thin_edges (View *v)
{
  guint budget = v->nodes->len * EDGES_PER_NODE;
  if (v->edges->len <= budget)
    return;
  g_autoptr (GPtrArray) ranked = g_ptr_array_copy (v->edges, NULL, NULL);
  g_ptr_array_sort_with_data (ranked, edge_strength_cmp, v);
  g_autoptr (GHashTable) chosen = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) covered = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < ranked->len && g_hash_table_size (chosen) < budget; i++)
    {
      NkgFact *f = g_ptr_array_index (ranked, i);
      if (g_hash_table_contains (covered, f->subject) && g_hash_table_contains (covered, f->object))
        continue;
      g_hash_table_add (chosen, f);
      g_hash_table_add (covered, f->subject);
      g_hash_table_add (covered, f->object);
    }
  for (guint i = 0; i < ranked->len && g_hash_table_size (chosen) < budget; i++)
    g_hash_table_add (chosen, g_ptr_array_index (ranked, i));
  /* Keep graph (IRI) order so the output stays deterministic. */
  guint kept = 0;
  for (guint i = 0; i < v->edges->len; i++)
    {
      gpointer f = g_ptr_array_index (v->edges, i);
      if (g_hash_table_contains (chosen, f))
        v->edges->pdata[kept++] = f;
    }
  v->thinned = v->edges->len - kept;
  g_ptr_array_set_size (v->edges, kept);
}

/* The counts of a selection whose drawn entities and facts are in `v`;
 * thins the edges of a capped view and refuses a view too large. */
static gboolean
view_finish (View *v, const Selection *sel, GError **error)
{
  v->total_rel = sel->total_rel;
  v->filtered = sel->filtered;
  v->capped = sel->capped;
  v->n_lone = sel->lone->len;
  if (v->opt.max_nodes)
    thin_edges (v);

  /* Refuse before building anything: the caller learns in milliseconds
   * instead of watching a layout run for minutes. */
  if (v->nodes->len > SFDP_MAX_NODES || v->edges->len > SFDP_MAX_EDGES)
    {
      g_set_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_TOO_LARGE,
                   "view too large to draw (%u entities, %u relations; at most %d and %d): "
                   "narrow it with --focus, --types or --min-support, or lower --max-nodes",
                   v->nodes->len, v->edges->len, SFDP_MAX_NODES, SFDP_MAX_EDGES);
      return FALSE;
    }
  return TRUE;
}

static void
view_add_node (View *v, NkgEntity *e, guint32 index)
{
  g_ptr_array_add (v->nodes, e);
  g_hash_table_add (v->drawn, e);
  g_hash_table_insert (v->index, e, GUINT_TO_POINTER (index + 1));
}

/* The view of a graph in memory. */
static gboolean
view_select_graph (View *v, NkgGraph *graph, GError **error)
{
  v->graph = graph;
  v->n_entities = graph->entities->len;
  if (v->opt.focus)
    {
      g_autoptr (GPtrArray) hits = nkg_graph_find (graph, v->opt.focus);
      if (!hits || hits->len == 0)
        {
          g_set_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_NOT_FOUND,
                       "no entity named '%s' to focus on", v->opt.focus);
          return FALSE;
        }
      /* Several entities can share an alias; the most mentioned one is
       * what a reader most likely means. */
      v->focus = g_ptr_array_index (hits, 0);
    }
  Skeleton *sk = &v->sk;
  g_autoptr (GPtrArray) ents = NULL;
  g_autoptr (GHashTable) index = NULL;
  skeleton_of_graph (graph, sk, &ents, &index);
  g_autoptr (GArray) cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  if (v->focus)
    select_around_focus (v, index, cands);
  Selection sel;
  select_indices (&v->opt, v->focus != NULL, sk, cands, &sel);

  v->nodes = g_ptr_array_new ();
  v->drawn = g_hash_table_new (NULL, NULL);
  v->index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < sel.nodes->len; i++)
    {
      guint32 k = g_array_index (sel.nodes, guint32, i);
      view_add_node (v, ents->pdata[k], k);
    }
  v->edges = g_ptr_array_new ();
  for (guint i = 0; i < sel.edges->len; i++)
    {
      const Link *l = &g_array_index (sk->links, Link, g_array_index (sel.edges, guint32, i));
      g_ptr_array_add (v->edges, g_ptr_array_index (graph->facts, l->fact));
    }
  v->lone_names = g_ptr_array_new ();
  for (guint i = 0; i < sel.lone->len && i < LONE_NAMES_MAX; i++)
    g_ptr_array_add (v->lone_names,
                     ((NkgEntity *) ents->pdata[g_array_index (sel.lone, guint32, i)])->name);
  gboolean ok = view_finish (v, &sel, error);
  selection_clear (&sel);
  return ok;
}

static gboolean
damaged (GError **error)
{
  g_set_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_DAMAGED, "the graph's snapshot is damaged");
  return FALSE;
}

/* The view of a snapshot, read in place: the selection from its columns,
 * then a small graph of the drawn entities (nkg_snapshot_view_subgraph)
 * for their labels and their relations. `small` owns it. */
/* The order in which a relation's tooltip quotes its evidence. */
static int
sentence_cmp (gconstpointer pa, gconstpointer pb)
{
  const NkgEvidence *x = *(NkgEvidence *const *) pa, *y = *(NkgEvidence *const *) pb;
  gsize la = strlen (x->text), lb = strlen (y->text);
  if (la != lb)
    return la < lb ? -1 : 1;
  int c = strcmp (x->text, y->text);
  return c ? c : strcmp (x->iri, y->iri);
}

/* Gives the made fact `f` of a small graph read from a snapshot the
 * evidence its tooltip quotes (edge_tooltip): fact `k`'s first
 * TIP_MAX_SENTENCES sentences in sentence_cmp's order, read in place, of
 * what may be thousands. */
static gboolean
add_quoted_evidence (const NkgSnapshotView *sv, NkgGraph *small, guint32 k, NkgFact *f)
{
  const guint32 *evs;
  gsize n;
  if (!nkg_snapshot_view_fact_evidence (sv, k, &evs, &n))
    return FALSE;
  g_autofree NkgEvidence *items = g_new0 (NkgEvidence, MAX (n, 1));
  g_autoptr (GPtrArray) sorted = g_ptr_array_sized_new (n);
  for (gsize i = 0; i < n; i++)
    {
      const char *iri, *text;
      if (!nkg_snapshot_view_evidence (sv, evs[i], &iri, &text, &items[i].start, &items[i].end))
        return FALSE;
      /* pointing into the snapshot, never freed: only compared */
      items[i].iri = (char *) iri;
      items[i].text = (char *) (text ? text : "");
      g_ptr_array_add (sorted, &items[i]);
    }
  g_ptr_array_sort (sorted, sentence_cmp);
  for (guint i = 0; i < sorted->len && i < TIP_MAX_SENTENCES; i++)
    {
      const NkgEvidence *e = sorted->pdata[i];
      g_ptr_array_add (f->evidence,
                       nkg_graph_add_evidence (small, e->iri, NULL, e->start, e->end, e->text));
    }
  return TRUE;
}

/* The properties whose facts a node's label shows (detail_line), by
 * class: of the facts going out of a drawn entity, only these are read. */
static const guint label_props[NKG_CLASS_N] = {
  [NKG_CLASS_PERSON] = 1u << NKG_PROP_JOB_TITLE | 1u << NKG_PROP_REPRESENTS
                       | 1u << NKG_PROP_WORKS_FOR | 1u << NKG_PROP_HANDLE,
  [NKG_CLASS_AGREEMENT] = 1u << NKG_PROP_SIGNED_ON | 1u << NKG_PROP_SIGNED_IN
                          | 1u << NKG_PROP_DURATION,
  [NKG_CLASS_EVENT] = 1u << NKG_PROP_START_DATE | 1u << NKG_PROP_LOCATION,
  [NKG_CLASS_CITY] = 1u << NKG_PROP_CONTAINED_IN,
  [NKG_CLASS_PLACE] = 1u << NKG_PROP_CONTAINED_IN,
  [NKG_CLASS_GOV_ORG] = 1u << NKG_PROP_HANDLE,
  [NKG_CLASS_ORG] = 1u << NKG_PROP_HANDLE,
};

/* The view of a snapshot, read in place: the selection from its columns,
 * then a small graph (nkg_snapshot_view_subgraph) of the drawn entities,
 * their relations drawn and the facts their labels show. `small` owns
 * it. */
static gboolean
view_select_snapshot (View *v, const NkgSnapshotView *sv, NkgGraph **small, GError **error)
{
  Skeleton *sk = &v->sk;
  if (!skeleton_of_snapshot (sv, sk))
    return damaged (error);
  const NkgSnapshotColumns *c = &sk->cols;
  v->n_entities = sk->n_ents;
  g_autoptr (GArray) cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  Selection sel;
  select_indices (&v->opt, FALSE, sk, cands, &sel);

  /* the relations drawn, and the facts the labels may show */
  g_autoptr (GArray) facts = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint i = 0; i < sel.edges->len; i++)
    g_array_append_val (facts,
                        g_array_index (sk->links, Link, g_array_index (sel.edges, guint32, i)).fact);
  for (guint i = 0; i < sel.nodes->len; i++)
    {
      guint32 e = g_array_index (sel.nodes, guint32, i);
      for (guint32 k = c->ent_out_at[e]; k < c->ent_out_at[e + 1]; k++)
        if (label_props[sk->klass[e]] & (1u << c->fact_prop[c->ent_out[k]]))
          g_array_append_val (facts, c->ent_out[k]);
    }
  g_array_sort (facts, entity_index_cmp);
  guint w = 0;
  for (guint i = 0; i < facts->len; i++)
    if (!w || g_array_index (facts, guint32, i) != g_array_index (facts, guint32, w - 1))
      g_array_index (facts, guint32, w++) = g_array_index (facts, guint32, i);
  g_array_set_size (facts, w);

  g_autoptr (GPtrArray) made = NULL;
  g_autoptr (GHashTable) made_facts = NULL;
  *small = nkg_snapshot_view_subgraph (sv, (const guint32 *) sel.nodes->data, sel.nodes->len,
                                       (const guint32 *) facts->data, facts->len, &made,
                                       &made_facts);
  gboolean ok = *small != NULL;
  v->graph = *small;
  v->nodes = g_ptr_array_new ();
  v->drawn = g_hash_table_new (NULL, NULL);
  v->index = g_hash_table_new (NULL, NULL);
  v->edges = g_ptr_array_new ();
  v->lone_names = g_ptr_array_new ();
  v->fact_support = g_hash_table_new (NULL, NULL);
  for (guint i = 0; ok && i < facts->len; i++)
    {
      guint32 k = g_array_index (facts, guint32, i);
      NkgFact *f = g_hash_table_lookup (made_facts, GUINT_TO_POINTER (k + 1));
      ok = f != NULL;
      g_hash_table_insert (v->fact_support, f,
                           GUINT_TO_POINTER (c->fact_doc_at[k + 1] - c->fact_doc_at[k] + 1));
    }
  for (guint i = 0; ok && i < made->len; i++)
    view_add_node (v, made->pdata[i], g_array_index (sel.nodes, guint32, i));
  for (guint i = 0; ok && i < sel.edges->len; i++)
    {
      const Link *l = &g_array_index (sk->links, Link, g_array_index (sel.edges, guint32, i));
      NkgFact *f = g_hash_table_lookup (made_facts, GUINT_TO_POINTER (l->fact + 1));
      ok = f != NULL && add_quoted_evidence (sv, *small, l->fact, f);
      g_ptr_array_add (v->edges, f);
    }
  for (guint i = 0; ok && i < sel.lone->len && i < LONE_NAMES_MAX; i++)
    {
      const char *name = NULL;
      ok = nkg_snapshot_view_entity (sv, g_array_index (sel.lone, guint32, i), NULL, &name, NULL,
                                     NULL);
      g_ptr_array_add (v->lone_names, (gpointer) name);
    }
  if (!ok)
    damaged (error);
  else
    ok = view_finish (v, &sel, error);
  selection_clear (&sel);
  return ok;
}

/* --------------------------------------------------------------- escape */

/* Text inside an HTML-like label goes through graphviz's XML parser: the
 * markup characters must be entities, and invalid UTF-8 or control
 * characters would make it reject the whole label. After parsing, the
 * text still has its backslash escapes expanded (\N is the node name), so
 * a literal backslash is doubled as in plain strings. */
static void
html_append (GString *out, const char *s)
{
  g_autofree char *valid = g_utf8_make_valid (s, -1);
  for (const char *p = valid; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      default:
        g_string_append_c (out, (guchar) *p < 0x20 ? ' ' : *p);
      }
}

/* Plain DOT strings give backslash a meaning (\n, \l, \N …), so a literal
 * one is doubled; agwrite escapes the double quotes itself. Newlines are
 * kept: in tooltips they become line breaks. */
static void
escape_append (GString *out, const char *s, guint backslashes)
{
  g_autofree char *valid = g_utf8_make_valid (s, -1);
  for (const char *p = valid; *p; p++)
    {
      if (*p == '\\')
        for (guint i = 0; i < backslashes; i++)
          g_string_append_c (out, '\\');
      else
        g_string_append_c (out, (guchar) *p < 0x20 && *p != '\n' ? ' ' : *p);
    }
}

static void
plain_append (GString *out, const char *s)
{
  escape_append (out, s, 2);
}

/* Graphviz 2.43 expands the escapes of a node's tooltip twice (an edge's
 * only once), so there a literal backslash takes four; test-dot checks
 * the rendered SVG. */
static void
node_tip_append (GString *out, const char *s)
{
  escape_append (out, s, 4);
}

/* Appends at most `max` characters of `s`, with an ellipsis when cut. */
static void
append_clipped (GString *out, const char *s, guint max, void (*append) (GString *, const char *))
{
  if (g_utf8_strlen (s, -1) <= (glong) max)
    {
      append (out, s);
      return;
    }
  g_autofree char *cut = g_utf8_substring (s, 0, max - 1);
  append (out, cut);
  g_string_append (out, "…");
}

/* ------------------------------------------------------------ set attrs */

typedef struct {
  Agraph_t *g;
  Agsym_t *n_label, *n_shape, *n_style, *n_fill, *n_font, *n_tip, *n_url, *n_size;
  Agsym_t *e_label, *e_pen, *e_weight, *e_dir, *e_tip, *e_ltip, *e_url, *e_style, *e_arrow;
} Syms;

/* cgraph's API predates const; it copies every value into its own string
 * pool, so handing it our const strings is safe. */
static void
set (void *obj, Agsym_t *sym, const char *value)
{
  agxset (obj, sym, (char *) value);
}

/* agwrite escapes double quotes but not a final backslash, which would
 * then escape the closing quote and break the file; a trailing space is
 * invisible in every place plain strings are shown. */
static void
set_plain (void *obj, Agsym_t *sym, GString *value)
{
  if (value->len && value->str[value->len - 1] == '\\')
    g_string_append_c (value, ' ');
  set (obj, sym, value->str);
}

/* An HTML-like label must be interned as such, or agwrite would quote it
 * as plain text; agxset then finds the interned copy. */
static void
set_html (void *obj, Agsym_t *sym, const char *html)
{
  Agraph_t *g = agraphof (obj);
  char *interned = agstrdup_html (g, (char *) html);
  agxset (obj, sym, interned);
  agstrfree (g, interned);
}

static void
set_graph (Agraph_t *g, const char *name, const char *value)
{
  agattr (g, AGRAPH, (char *) name, (char *) value);
}

static Syms
declare_attributes (Agraph_t *g)
{
  Syms s = { .g = g };
  set_graph (g, "fontname", FONT);
  set_graph (g, "fontsize", "10");
  set_graph (g, "bgcolor", "white");
  set_graph (g, "pad", "0.2");
  set_graph (g, "outputorder", "edgesfirst");

  agattr (g, AGNODE, "fontname", FONT);
  agattr (g, AGNODE, "fontsize", "11");
  agattr (g, AGNODE, "margin", "0.12,0.06");
  agattr (g, AGNODE, "color", "#333333");
  agattr (g, AGNODE, "penwidth", "0.8");
  s.n_label = agattr (g, AGNODE, "label", "\\N");
  s.n_shape = agattr (g, AGNODE, "shape", "ellipse");
  s.n_style = agattr (g, AGNODE, "style", "filled");
  s.n_fill = agattr (g, AGNODE, "fillcolor", "white");
  s.n_font = agattr (g, AGNODE, "fontcolor", "black");
  s.n_size = agattr (g, AGNODE, "fontsize", "11");
  s.n_tip = agattr (g, AGNODE, "tooltip", "");
  s.n_url = agattr (g, AGNODE, "URL", "");

  agattr (g, AGEDGE, "fontname", FONT);
  agattr (g, AGEDGE, "fontsize", "9");
  agattr (g, AGEDGE, "fontcolor", "#444444");
  agattr (g, AGEDGE, "color", "#666666");
  s.e_arrow = agattr (g, AGEDGE, "arrowsize", "0.7");
  s.e_label = agattr (g, AGEDGE, "label", "");
  s.e_pen = agattr (g, AGEDGE, "penwidth", "1");
  s.e_weight = agattr (g, AGEDGE, "weight", "1");
  s.e_dir = agattr (g, AGEDGE, "dir", "forward");
  s.e_style = agattr (g, AGEDGE, "style", "solid");
  s.e_tip = agattr (g, AGEDGE, "tooltip", "");
  s.e_ltip = agattr (g, AGEDGE, "labeltooltip", "");
  s.e_url = agattr (g, AGEDGE, "URL", "");
  return s;
}

/* ---------------------------------------------------------------- labels */

/* The literal (or object) of the best-supported visible fact of `prop`:
 * most documents, then highest confidence, then IRI order. */
static const NkgFact *
best_fact (const View *v, const NkgEntity *e, NkgProp prop)
{
  const NkgFact *best = NULL;
  for (guint i = 0; i < e->out->len; i++)
    {
      const NkgFact *f = g_ptr_array_index (e->out, i);
      if (f->prop != prop || !fact_visible (v, f))
        continue;
      if (!best || support (v, f) > support (v, best)
          || (support (v, f) == support (v, best) && f->confidence > best->confidence))
        best = f;
    }
  return best;
}

static const char *
best_value (const View *v, const NkgEntity *e, NkgProp prop)
{
  const NkgFact *f = best_fact (v, e, prop);
  if (!f)
    return NULL;
  return f->object ? f->object->name : f->literal;
}

/* "P10Y" → "10 years": the readable form of the simple durations news
 * reports; anything else is shown as written. */
static char *
duration_text (const char *iso)
{
  static const struct {
    char unit;
    const char *one, *many;
  } units[] = { { 'Y', "year", "years" }, { 'M', "month", "months" },
                { 'W', "week", "weeks" }, { 'D', "day", "days" } };
  char *end = NULL;
  if (iso[0] != 'P' || !g_ascii_isdigit (iso[1]))
    return g_strdup (iso);
  guint64 n = g_ascii_strtoull (iso + 1, &end, 10);
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    if (end && end[0] == units[i].unit && end[1] == '\0')
      return g_strdup_printf ("%" G_GUINT64_FORMAT " %s", n, n == 1 ? units[i].one : units[i].many);
  return g_strdup (iso);
}

static void
detail_add (GPtrArray *parts, const char *text)
{
  if (text && *text)
    g_ptr_array_add (parts, g_strdup (text));
}

/* The literal facts (and a few one-hop names) that belong in a node's
 * label rather than in nodes of their own. */
static char *
detail_line (const View *v, const NkgEntity *e)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  switch (e->klass)
    {
    case NKG_CLASS_PERSON:
      detail_add (parts, best_value (v, e, NKG_PROP_JOB_TITLE));
      {
        const char *side = best_value (v, e, NKG_PROP_REPRESENTS);
        detail_add (parts, side ? side : best_value (v, e, NKG_PROP_WORKS_FOR));
      }
      detail_add (parts, best_value (v, e, NKG_PROP_HANDLE));
      break;
    case NKG_CLASS_AGREEMENT:
      {
        const char *on = best_value (v, e, NKG_PROP_SIGNED_ON);
        const char *in = best_value (v, e, NKG_PROP_SIGNED_IN);
        const char *term = best_value (v, e, NKG_PROP_DURATION);
        if (on)
          g_ptr_array_add (parts, g_strconcat ("signed ", on, NULL));
        detail_add (parts, in);
        if (term)
          g_ptr_array_add (parts, duration_text (term));
      }
      break;
    case NKG_CLASS_EVENT:
      detail_add (parts, best_value (v, e, NKG_PROP_START_DATE));
      detail_add (parts, best_value (v, e, NKG_PROP_LOCATION));
      break;
    case NKG_CLASS_CITY:
    case NKG_CLASS_PLACE:
      {
        /* Containment is an edge when the container is drawn; otherwise
         * the label keeps the reader oriented. */
        const NkgFact *f = best_fact (v, e, NKG_PROP_CONTAINED_IN);
        if (f && f->object && !g_hash_table_contains (v->drawn, f->object))
          detail_add (parts, f->object->name);
      }
      break;
    case NKG_CLASS_GOV_ORG:
    case NKG_CLASS_ORG:
      detail_add (parts, best_value (v, e, NKG_PROP_HANDLE));
      break;
    default:
      break;
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* Splits a name into lines of about NAME_WRAP characters at spaces. */
static GPtrArray *
wrap_words (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr (GString) line = g_string_new (NULL);
  for (guint i = 0; words[i]; i++)
    {
      if (!*words[i])
        continue;
      if (line->len && g_utf8_strlen (line->str, -1) + 1 + g_utf8_strlen (words[i], -1) > NAME_WRAP)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
        }
      if (line->len)
        g_string_append_c (line, ' ');
      g_string_append (line, words[i]);
    }
  if (line->len || lines->len == 0)
    g_ptr_array_add (lines, g_strdup (line->str));
  return lines;
}

/* A borderless table rather than bare <BR/> lines: graphviz 2.43 sizes
 * multi-line bold text too small, so the name would touch the node's
 * border; table cells are measured one by one and fit. */
static char *
node_label (const View *v, const NkgEntity *e)
{
  GString *out = g_string_new ("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                               "CELLPADDING=\"1\"><TR><TD><B>");
  g_autoptr (GPtrArray) lines = wrap_words (e->name && *e->name ? e->name : e->iri);
  for (guint i = 0; i < lines->len && i < NAME_MAX_LINES; i++)
    {
      if (i)
        g_string_append (out, "<BR/>");
      if (i == NAME_MAX_LINES - 1 && lines->len > NAME_MAX_LINES)
        {
          g_autofree char *last = g_strconcat (g_ptr_array_index (lines, i), "…", NULL);
          html_append (out, last);
        }
      else
        html_append (out, g_ptr_array_index (lines, i));
    }
  g_string_append (out, "</B></TD></TR>");
  g_autofree char *detail = detail_line (v, e);
  if (detail)
    {
      g_string_append (out, "<TR><TD><FONT POINT-SIZE=\"9\">");
      append_clipped (out, detail, DETAIL_MAX_CHARS, html_append);
      g_string_append (out, "</FONT></TD></TR>");
    }
  g_string_append (out, "</TABLE>");
  return g_string_free (out, FALSE);
}

static void
node_tooltip (const View *v, GString *tip, const NkgEntity *e)
{
  /* counted in the whole graph (a small graph read from a snapshot makes
   * no documents or quotes of its entities) */
  guint k = GPOINTER_TO_UINT (g_hash_table_lookup (v->index, e)) - 1;
  guint ndocs = v->sk.ndocs[k], nquotes = v->sk.nquotes[k];
  node_tip_append (tip, e->name ? e->name : e->iri);
  g_string_append_printf (tip, " — %s\n%u mention%s in %u article%s",
                          nkg_class_info (e->klass)->label, e->mention_count,
                          e->mention_count == 1 ? "" : "s", ndocs, ndocs == 1 ? "" : "s");
  if (nquotes)
    g_string_append_printf (tip, ", %u quote%s", nquotes, nquotes == 1 ? "" : "s");
  if (e->aliases && e->aliases->len)
    {
      g_string_append (tip, "\nalso: ");
      for (guint i = 0; i < e->aliases->len && i < TIP_MAX_ALIASES; i++)
        {
          if (i)
            g_string_append (tip, ", ");
          node_tip_append (tip, g_ptr_array_index (e->aliases, i));
        }
      if (e->aliases->len > TIP_MAX_ALIASES)
        g_string_append (tip, ", …");
    }
  g_string_append_c (tip, '\n');
  node_tip_append (tip, e->iri);
}

static void
edge_tooltip (const View *v, GString *tip, const NkgFact *f)
{
  plain_append (tip, f->subject->name);
  g_string_append_printf (tip, " %s ", nkg_prop_info (f->prop)->key);
  plain_append (tip, f->object->name);
  g_string_append_printf (tip, "\nsupport: %u article%s%s, confidence %.2f", support (v, f),
                          support (v, f) == 1 ? "" : "s", f->gazetteer ? " and the gazetteer" : "",
                          f->confidence);
  if (!f->evidence)
    return;
  /* The shortest sentences first: they read best in a tooltip, and the
   * choice no longer depends on the order evidence was merged or loaded
   * in, so `build --dot` and `dot -g` write the same bytes. */
  g_autoptr (GPtrArray) sorted = g_ptr_array_sized_new (f->evidence->len);
  for (guint i = 0; i < f->evidence->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (f->evidence, i));
  g_ptr_array_sort (sorted, sentence_cmp);
  for (guint i = 0; i < sorted->len && i < TIP_MAX_SENTENCES; i++)
    {
      g_string_append (tip, "\n“");
      append_clipped (tip, ((NkgEvidence *) g_ptr_array_index (sorted, i))->text, TIP_SENTENCE_MAX,
                      plain_append);
      g_string_append (tip, "”");
    }
}

/* IRIs are minted from slugs, but a link must never break the SVG's XML
 * or the DOT string, whatever the base: quotes, ampersands, angle
 * brackets and backslashes are percent-encoded. */
static char *
link_text (const char *iri)
{
  return g_uri_escape_string (iri, ":/?#[]@!$()*+,;=-._~%", TRUE);
}

/* A clickable link only for web IRIs: a base or a loaded graph could
 * carry "javascript:…" or "file:…", which an SVG viewer must never be
 * handed as a link. Anything else stays text (in the tooltip). */
static char *
link_url (const char *iri)
{
  return nkg_iri_is_web (iri) ? link_text (iri) : NULL;
}

/* Node names: the IRI without the graph's base ("person/rajnath-singh")
 * keeps the DOT readable and stays unique. */
static char *
node_id (const NkgGraph *graph, const NkgEntity *e)
{
  const char *id = e->iri;
  if (graph->base && g_str_has_prefix (id, graph->base) && id[strlen (graph->base)])
    id += strlen (graph->base);
  g_autofree char *safe = link_text (id);
  return g_steal_pointer (&safe);
}

/* ----------------------------------------------------------------- build */

static void
add_nodes (const View *v, Syms *s, GHashTable *agnodes)
{
  for (guint i = 0; i < v->nodes->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (v->nodes, i);
      const ClassStyle *st = &class_styles[e->klass];
      g_autofree char *id = node_id (v->graph, e);
      Agnode_t *n = agnode (s->g, id, TRUE);
      g_autofree char *label = node_label (v, e);
      g_autofree char *url = link_url (e->iri);
      g_autoptr (GString) tip = g_string_new (NULL);
      node_tooltip (v, tip, e);
      set_html (n, s->n_label, label);
      set (n, s->n_shape, st->shape);
      set (n, s->n_style, st->style);
      set (n, s->n_fill, st->fill);
      set (n, s->n_font, st->font);
      set_plain (n, s->n_tip, tip);
      if (url)
        set (n, s->n_url, url);
      if (e == v->focus)
        set (n, s->n_size, "14");
      g_hash_table_insert (agnodes, e, n);
    }
}

/* Width grows with the log of support, relative to the best-supported
 * relation in the view: one article is a hairline, the strongest is
 * PEN_MAX, and a corpus where everything has high support does not turn
 * into a black mass of thick strokes. */
static double
edge_penwidth (guint sup, guint max_sup)
{
  if (max_sup < 2 || sup < 2)
    return 1.0;
  return 1.0 + (PEN_MAX - 1.0) * log2 (sup) / log2 (max_sup);
}

static void
add_edges (const View *v, Syms *s, GHashTable *agnodes)
{
  guint max_sup = 1;
  for (guint i = 0; i < v->edges->len; i++)
    max_sup = MAX (max_sup, support (v, g_ptr_array_index (v->edges, i)));
  for (guint i = 0; i < v->edges->len; i++)
    {
      NkgFact *f = g_ptr_array_index (v->edges, i);
      Agnode_t *a = g_hash_table_lookup (agnodes, f->subject);
      Agnode_t *b = g_hash_table_lookup (agnodes, f->object);
      /* Anonymous: in a non-strict graph each call makes a new edge, so
       * two facts between one pair (signed and party) stay two edges. */
      Agedge_t *e = agedge (s->g, a, b, NULL, TRUE);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_autoptr (GString) tip = g_string_new (NULL);
      g_autofree char *url = link_url (f->iri);
      edge_tooltip (v, tip, f);
      set (e, s->e_label, prop_short[f->prop]);
      set (e, s->e_pen, g_ascii_formatd (buf, sizeof buf, "%.2f", edge_penwidth (support (v, f), max_sup)));
      g_snprintf (buf, sizeof buf, "%u", MAX (support (v, f), 1));
      set (e, s->e_weight, buf);
      if (nkg_prop_info (f->prop)->symmetric)
        set (e, s->e_dir, "none");
      if (f->confidence < 0.5)
        set (e, s->e_style, "dashed");
      set_plain (e, s->e_tip, tip);
      /* The label is a bigger target than a hairline edge; by default
       * its tooltip would only repeat the label. */
      set_plain (e, s->e_ltip, tip);
      if (url)
        set (e, s->e_url, url);
    }
}

static void
invisible_edge (Syms *s, Agraph_t *where, Agnode_t *from, Agnode_t *to)
{
  Agedge_t *e = agedge (where, from, to, NULL, TRUE);
  set (e, s->e_style, "invis");
}

/* One small node per class inside a cluster, drawn exactly like the
 * entities, so the key cannot drift from the picture. */
static void
add_legend (Syms *s, gboolean chain)
{
  Agraph_t *cl = agsubg (s->g, "cluster_legend", TRUE);
  agsafeset (cl, "label", "Legend", "");
  agsafeset (cl, "fontsize", "10", "");
  agsafeset (cl, "style", "rounded", "");
  agsafeset (cl, "color", "#999999", "");
  agsafeset (cl, "labelloc", "t", "");
  Agnode_t *prev = NULL, *above[NKG_CLASS_N / 2] = { NULL };
  Agraph_t *rows[2] = { NULL, NULL };
  /* Anonymous: cgraph orders named subgraphs by the address of their
   * interned name, which would make the output differ run to run. */
  for (int r = 0; r < 2 && !chain; r++)
    {
      rows[r] = agsubg (cl, NULL, TRUE);
      agsafeset (rows[r], "rank", "same", "");
    }
  for (int k = 0; k < NKG_CLASS_N; k++)
    {
      const NkgClassInfo *info = nkg_class_info ((NkgClass) k);
      const ClassStyle *st = &class_styles[k];
      g_autofree char *id = g_strconcat ("legend_", info->key, NULL);
      Agnode_t *n = agnode (cl, id, TRUE);
      g_autoptr (GString) label = g_string_new (NULL);
      plain_append (label, info->label);
      set (n, s->n_label, label->str);
      set (n, s->n_shape, st->shape);
      set (n, s->n_style, st->style);
      set (n, s->n_fill, st->fill);
      set (n, s->n_font, st->font);
      set (n, s->n_size, "8");
      agsafeset (n, "height", "0.3", "");
      agsafeset (n, "margin", "0.06,0.02", "");
      set (n, s->n_tip, info->iri);
      /* Invisible edges shape the key: in `dot`, two rows of four in
       * class order (a same-rank chain per row, and each entry above its
       * partner); in sfdp, which has no clusters, one chain that holds
       * the key together. */
      if (chain && prev)
        invisible_edge (s, cl, prev, n);
      if (!chain)
        {
          guint row = k / (NKG_CLASS_N / 2), col = k % (NKG_CLASS_N / 2);
          agsubnode (rows[row], n, TRUE);
          if (col)
            invisible_edge (s, rows[row], prev, n);
          if (row)
            invisible_edge (s, cl, above[col], n);
          above[col] = n;
        }
      prev = n;
    }
}

static void
append_plural (GString *out, guint n, const char *one, const char *many)
{
  g_string_append_printf (out, "%u %s", n, n == 1 ? one : many);
}

/* The caption says what the view is and what it leaves out, so a capped or
 * filtered picture is never mistaken for the whole corpus. Lines end in
 * \l (left-justified). */
static char *
caption (const View *v)
{
  GString *c = g_string_new ("newskg: ");
  guint n_ent = v->n_entities;
  if (v->nodes->len == n_ent && v->edges->len == v->total_rel)
    {
      append_plural (c, n_ent, "entity", "entities");
      g_string_append (c, ", ");
      append_plural (c, v->total_rel, "relation", "relations");
    }
  else
    {
      g_string_append_printf (c, "showing %u of %u entities, %u of ", v->nodes->len, n_ent,
                              v->edges->len);
      append_plural (c, v->total_rel, "relation", "relations");
    }
  g_string_append (c, "\\l");

  g_autoptr (GString) filt = g_string_new (NULL);
  if (v->focus)
    {
      g_string_append (filt, "around ");
      plain_append (filt, v->focus->name);
      g_string_append_printf (filt, " (%u hop%s)", v->opt.hops, v->opt.hops == 1 ? "" : "s");
    }
  if (v->opt.types)
    {
      g_string_append (filt, filt->len ? "; types " : "types ");
      gboolean first = TRUE;
      for (int k = 0; k < NKG_CLASS_N; k++)
        if (v->opt.types & (1u << k))
          {
            g_string_append_printf (filt, "%s%s", first ? "" : ", ",
                                    nkg_class_info ((NkgClass) k)->key);
            first = FALSE;
          }
    }
  if (v->opt.min_support > 1)
    g_string_append_printf (filt, "%ssupport ≥ %u articles", filt->len ? "; " : "",
                            v->opt.min_support);
  if (filt->len)
    g_string_append_printf (c, "view: %s\\l", filt->str);

  if (v->capped)
    {
      g_string_append (c, "left out: ");
      append_plural (c, v->capped, "entity", "entities");
      g_string_append_printf (c, " beyond the cap of %u, ranked by mentions, links and support "
                                 "(--max-nodes)\\l",
                              v->opt.max_nodes);
    }
  if (v->filtered)
    {
      g_string_append (c, "left out: ");
      append_plural (c, v->filtered, "entity", "entities");
      g_string_append (c, " outside the view\\l");
    }
  if (v->n_lone)
    {
      g_string_append (c, "left out: ");
      append_plural (c, v->n_lone, "entity", "entities");
      g_string_append (c, " without relations (--isolated draws them): ");
      g_autoptr (GString) names = g_string_new (NULL);
      guint i;
      /* (lone_names holds more names than this can take) */
      for (i = 0; i < v->lone_names->len && names->len < LONE_NAMES_CHARS; i++)
        {
          if (i)
            g_string_append (names, ", ");
          append_clipped (names, g_ptr_array_index (v->lone_names, i), LONE_NAME_MAX,
                          plain_append);
        }
      g_string_append_len (c, names->str, names->len);
      g_string_append (c, i < v->n_lone ? ", …\\l" : "\\l");
    }
  if (v->thinned)
    {
      g_string_append (c, "left out: ");
      append_plural (c, v->thinned, "weaker relation", "weaker relations");
      g_string_append_printf (c, " among the drawn entities (at most %d per entity)\\l",
                              EDGES_PER_NODE);
    }
  g_string_append (c, "edge width: supporting articles; dashed: low confidence; "
                      "in SVG, hover for evidence\\l");
  return g_string_free (c, FALSE);
}

static void
use_sfdp (Agraph_t *g)
{
  set_graph (g, "layout", "sfdp");
  set_graph (g, "overlap", "prism");
  /* Spline routing around nodes is what makes sfdp slow; straight
   * edges keep a large view to a few seconds. */
  set_graph (g, "splines", "false");
}

/* What a view is drawn from: a graph in memory, or a snapshot read in
 * place. */
typedef struct {
  NkgGraph *graph;
  const NkgSnapshotView *snapshot;
} Source;

static Agraph_t *
build_view (const Source *src, const NkgDotOptions *options, guint *n_nodes, GError **error)
{
  g_return_val_if_fail (src->graph != NULL || src->snapshot != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  View v = { 0 };
  if (options)
    v.opt = *options;
  else
    nkg_dot_options_init (&v.opt);
  if (v.opt.min_support == 0)
    v.opt.min_support = 1;
  g_return_val_if_fail (src->graph || !v.opt.focus, NULL);
  g_autoptr (NkgGraph) small = NULL;
  if (!(src->graph ? view_select_graph (&v, src->graph, error)
                   : view_select_snapshot (&v, src->snapshot, &small, error)))
    {
      view_clear (&v);
      return NULL;
    }

  gboolean big = v.nodes->len > DOT_MAX_NODES || v.edges->len > DOT_MAX_EDGES;
  Agraph_t *g = agopen ("newskg", Agdirected, NULL);
  Syms s = declare_attributes (g);
  if (big)
    use_sfdp (g);
  else
    {
      /* Top to bottom: with labelled edges, `dot` needs a spacer rank per
       * relation, and left to right that made the seeds' overview three
       * times wider than tall — unreadable once scaled to a page. */
      set_graph (g, "layout", "dot");
      set_graph (g, "nodesep", "0.25");
      set_graph (g, "ranksep", "0.6");
      /* No pack/packmode: in graphviz 2.43 packing the components of a
       * `dot` layout silently drops most edge labels (test-dot counts
       * them in the SVG). */
    }
  g_autofree char *cap = caption (&v);
  set_graph (g, "labelloc", "b");
  set_graph (g, "labeljust", "l");
  set_graph (g, "label", cap);

  g_autoptr (GHashTable) agnodes = g_hash_table_new (NULL, NULL);
  add_nodes (&v, &s, agnodes);
  add_edges (&v, &s, agnodes);
  if (v.opt.legend)
    add_legend (&s, big);
  *n_nodes = v.nodes->len;
  view_clear (&v);
  return g;
}

/* Graphviz reports problems through agerr, which prints to stderr;
 * library code must not print, so while graphviz works its messages are
 * collected for the GError. Graphviz is not thread-safe anyway. */
static GString *gv_messages;
static agusererrf gv_saved_errf;

static int
collect_message (char *msg)
{
  if (gv_messages && gv_messages->len < 1024)
    g_string_append (gv_messages, msg);
  return 0;
}

static void
quiet_begin (GString *messages)
{
  gv_messages = messages;
  gv_saved_errf = agseterrf (collect_message);
}

static void
quiet_end (void)
{
  agseterrf (gv_saved_errf);
  gv_messages = NULL;
}

/* One gvc context for the process, never freed: graphviz 2.43's pango
 * plugin remembers the last font name across contexts, so a second
 * context after gvFreeContext reads freed memory (ASan shows it). Loading
 * the plugins once is also faster when a build writes several SVGs. */
static GVC_t *
shared_gvc (void)
{
  static GVC_t *gvc;
  if (g_once_init_enter (&gvc))
    g_once_init_leave (&gvc, gvContext ());
  return gvc;
}

/* Lays `g` out with dot and says whether the result is a strip: more
 * than STRIP_RATIO times as wide as tall (or the reverse) and longer than
 * STRIP_MIN_POINTS. Returns FALSE, with no layout, when graphviz fails. */
static gboolean
trial_layout (Agraph_t *g, gboolean *strip)
{
  g_autoptr (GString) messages = g_string_new (NULL);
  quiet_begin (messages);
  int rc = gvLayout (shared_gvc (), g, "dot");
  quiet_end ();
  if (rc != 0)
    return FALSE;
  /* gvLayout leaves the bounding box in the "bb" attribute */
  g_autofree char *bb = g_strdup (agget (g, "bb"));
  double x0, y0, x1, y1;
  *strip = FALSE;
  if (bb && sscanf (g_strdelimit (bb, ",", ' '), "%lf %lf %lf %lf", &x0, &y0, &x1, &y1) == 4)
    {
      double w = x1 - x0, h = y1 - y0;
      *strip = (w > STRIP_RATIO * h || h > STRIP_RATIO * w) && MAX (w, h) > STRIP_MIN_POINTS;
    }
  return TRUE;
}

static void
drop_layout (Agraph_t *g)
{
  gvFreeLayout (shared_gvc (), g);
  /* back to the default, so agwrite leaves it out */
  agsafeset (g, "bb", "", "");
}

/* Left to right, the key's two rows would become two columns a whole
 * rank of wide nodes apart; one column of eight is compact. dot stacks a
 * same-rank chain bottom to top there, so the chain runs from the last
 * class to the first to read in class order. */
static void
legend_as_column (Agraph_t *g)
{
  Agraph_t *legend = agsubg (g, "cluster_legend", FALSE);
  if (!legend)
    return;
  g_autoptr (GPtrArray) edges = g_ptr_array_new ();
  for (Agnode_t *n = agfstnode (legend); n; n = agnxtnode (legend, n))
    for (Agedge_t *e = agfstout (legend, n); e; e = agnxtout (legend, e))
      g_ptr_array_add (edges, e);
  for (guint i = 0; i < edges->len; i++)
    agdelete (g, g_ptr_array_index (edges, i));
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  for (Agraph_t *row = agfstsubg (legend); row; row = agnxtsubg (row))
    g_ptr_array_add (rows, row);
  for (guint i = 0; i < rows->len; i++)
    agclose (g_ptr_array_index (rows, i));

  Agraph_t *column = agsubg (legend, NULL, TRUE);
  agsafeset (column, "rank", "same", "");
  Agnode_t *prev = NULL;
  for (int k = NKG_CLASS_N - 1; k >= 0; k--)
    {
      g_autofree char *id = g_strconcat ("legend_", nkg_class_info ((NkgClass) k)->key, NULL);
      Agnode_t *n = agnode (legend, id, FALSE);
      if (!n)
        continue;
      agsubnode (column, n, TRUE);
      if (prev)
        agsafeset (agedge (column, prev, n, NULL, TRUE), "style", "invis", "");
      prev = n;
    }
}

/* `dot` cannot wrap a rank. Top to bottom, a corpus of several stories
 * puts them side by side, and a hub with many neighbours makes one rank
 * metres wide. Only a layout shows it, so views of some size are laid out
 * with dot first; a strip is tried left to right (which stacks separate
 * stories), and if that is a strip too, the view goes to sfdp. Returns
 * TRUE when a dot layout was kept on the graph (when `keep`, to render). */
static gboolean
settle_layout (Agraph_t *g, guint n_nodes, gboolean keep)
{
  if (g_strcmp0 (agget (g, "layout"), "dot") != 0 || n_nodes < STRIP_MIN_NODES)
    return FALSE;
  const char *dirs[] = { NULL, "LR" };
  for (gsize i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      if (dirs[i])
        {
          agsafeset (g, "rankdir", (char *) dirs[i], "");
          legend_as_column (g);
        }
      gboolean strip;
      if (!trial_layout (g, &strip))
        return FALSE;
      if (keep && !strip)
        return TRUE;
      drop_layout (g);
      if (!strip)
        return FALSE;
    }
  agsafeset (g, "rankdir", "", "");
  use_sfdp (g);
  return FALSE;
}

static Agraph_t *
dot_build (const Source *src, const NkgDotOptions *options, GError **error)
{
  guint n_nodes = 0;
  Agraph_t *g = build_view (src, options, &n_nodes, error);
  if (g)
    settle_layout (g, n_nodes, FALSE);
  return g;
}

Agraph_t *
nkg_dot_build (NkgGraph *graph, const NkgDotOptions *options, GError **error)
{
  g_return_val_if_fail (graph != NULL, NULL);
  Source src = { graph, NULL };
  return dot_build (&src, options, error);
}

/* ----------------------------------------------------------------- write */

static int
gstring_putstr (void *chan, const char *str)
{
  g_string_append ((GString *) chan, str);
  return 0;
}

static int
gstring_flush (void *chan)
{
  (void) chan;
  return 0;
}

/* agwrite writes through the graph's I/O discipline, a FILE* one by
 * default; writing into a GString instead lets the file be replaced
 * atomically and write errors be reported as GError. */
static Agiodisc_t gstring_io = { NULL, gstring_putstr, gstring_flush };

/* The view as DOT text, through agwrite. */
static gboolean
dot_text (const Source *src, const NkgDotOptions *options, GString *out, GError **error)
{
  Agraph_t *g = dot_build (src, options, error);
  if (!g)
    return FALSE;
  Agiodisc_t *saved = g->clos->disc.io;
  /* The discipline is consulted at write time through the graph's
   * closure, which agopen filled from AgDefaultDisc; swap the io part. */
  g->clos->disc.io = &gstring_io;
  int rc = agwrite (g, out);
  g->clos->disc.io = saved;
  agclose (g);
  if (rc != 0)
    {
      g_set_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_FAILED, "cannot serialise the diagram");
      return FALSE;
    }
  return TRUE;
}

/* The view laid out and rendered as SVG. */
static gboolean
svg_text (const Source *src, const NkgDotOptions *options, GString *out, GError **error)
{
  guint n_nodes = 0;
  Agraph_t *g = build_view (src, options, &n_nodes, error);
  if (!g)
    return FALSE;
  gboolean laid_out = settle_layout (g, n_nodes, TRUE);
  g_autoptr (GString) messages = g_string_new (NULL);
  quiet_begin (messages);
  gboolean ok = FALSE;
  GVC_t *gvc = shared_gvc ();
  char *data = NULL;
  unsigned int len = 0;
  if (!laid_out && gvLayout (gvc, g, agget (g, "layout")) != 0)
    g_set_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_FAILED, "graphviz layout failed: %s",
                 g_strstrip (messages->str));
  else
    {
      if (gvRenderData (gvc, g, "svg", &data, &len) != 0 || !data)
        g_set_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_FAILED, "graphviz SVG rendering failed: %s",
                     g_strstrip (messages->str));
      else
        {
          g_string_append_len (out, data, len);
          ok = TRUE;
        }
      gvFreeRenderData (data);
      gvFreeLayout (gvc, g);
    }
  quiet_end ();
  agclose (g);
  return ok;
}

static gboolean
put_text (GOutputStream *out, GString *text, GError **error)
{
  return g_output_stream_write_all (out, text->str, text->len, NULL, NULL, error);
}

gboolean
nkg_dot_write_stream (NkgGraph *graph, const NkgExportOptions *options, GOutputStream *out,
                      GError **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  Source src = { graph, NULL };
  return dot_text (&src, options ? options->dot : NULL, text, error) && put_text (out, text, error);
}

gboolean
nkg_svg_write_stream (NkgGraph *graph, const NkgExportOptions *options, GOutputStream *out,
                      GError **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  Source src = { graph, NULL };
  return svg_text (&src, options ? options->dot : NULL, text, error) && put_text (out, text, error);
}

/* The diagram is made in memory before the file is touched: a view that
 * is refused (too large, unknown focus) leaves any old file as it was. */
static gboolean
write_diagram (const Source *src, const NkgDotOptions *options, gboolean svg, const char *path,
               GError **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  return (svg ? svg_text (src, options, text, error) : dot_text (src, options, text, error))
         && nkg_write_atomic_bytes (path, text->str, text->len, error);
}

gboolean
nkg_dot_write (NkgGraph *graph, const NkgDotOptions *options, const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  Source src = { graph, NULL };
  return write_diagram (&src, options, FALSE, path, error);
}

gboolean
nkg_dot_write_snapshot (const NkgSnapshotView *view, const NkgDotOptions *options,
                        const char *path, GError **error)
{
  g_return_val_if_fail (view != NULL && path != NULL, FALSE);
  Source src = { NULL, view };
  return write_diagram (&src, options, FALSE, path, error);
}

gboolean
nkg_svg_write (NkgGraph *graph, const NkgDotOptions *options, const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  Source src = { graph, NULL };
  return write_diagram (&src, options, TRUE, path, error);
}

gboolean
nkg_svg_write_snapshot (const NkgSnapshotView *view, const NkgDotOptions *options,
                        const char *path, GError **error)
{
  g_return_val_if_fail (view != NULL && path != NULL, FALSE);
  Source src = { NULL, view };
  return write_diagram (&src, options, TRUE, path, error);
}
