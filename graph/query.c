/* query.c — read-only questions over a finished graph; see query.h. */
#include "query.h"

#include <string.h>

#include "graph/names.h"

gboolean
nkg_query_class_matches (const NkgEntity *e, NkgClass want)
{
  return want == NKG_CLASS_NONE || e->klass == want || nkg_class_coarse (e->klass) == want;
}

static gint
cmp_ptr (gconstpointer a, gconstpointer b)
{
  const void *pa = *(void *const *) a, *pb = *(void *const *) b;
  return pa < pb ? -1 : pa > pb;
}

guint
nkg_query_degree (const NkgEntity *e)
{
  g_autoptr (GPtrArray) nb = g_ptr_array_new ();
  for (guint i = 0; e->out && i < e->out->len; i++)
    {
      NkgFact *f = g_ptr_array_index (e->out, i);
      if (f->object && f->object != e)
        g_ptr_array_add (nb, f->object);
    }
  for (guint i = 0; e->in && i < e->in->len; i++)
    {
      NkgFact *f = g_ptr_array_index (e->in, i);
      if (f->subject && f->subject != e)
        g_ptr_array_add (nb, f->subject);
    }
  /* met is asserted both ways, so the same neighbour shows up twice:
   * count distinct pointers. */
  g_ptr_array_sort (nb, cmp_ptr);
  guint n = 0;
  for (guint i = 0; i < nb->len; i++)
    if (i == 0 || nb->pdata[i] != nb->pdata[i - 1])
      n++;
  return n;
}

/* Sort key for names: the name key, so "Émile" sorts with "emile". */
static int
cmp_entities_by_key (const NkgEntity *a, const char *ka, const NkgEntity *b, const char *kb)
{
  int c = strcmp (ka, kb);
  if (c == 0)
    c = g_strcmp0 (a->name, b->name);
  if (c == 0)
    c = g_strcmp0 (a->iri, b->iri);
  return c;
}

gint
nkg_query_cmp_entity_name (gconstpointer a, gconstpointer b)
{
  const NkgEntity *ea = *(NkgEntity *const *) a, *eb = *(NkgEntity *const *) b;
  g_autofree char *ka = nkg_name_key (ea->name);
  g_autofree char *kb = nkg_name_key (eb->name);
  return cmp_entities_by_key (ea, ka, eb, kb);
}

static gint
cmp_by_mentions (gconstpointer a, gconstpointer b)
{
  const NkgEntity *ea = *(NkgEntity *const *) a, *eb = *(NkgEntity *const *) b;
  if (ea->mention_count != eb->mention_count)
    return ea->mention_count > eb->mention_count ? -1 : 1;
  return nkg_query_cmp_entity_name (a, b);
}

/* Resolution */

static NkgEntity *
entity_by_any_iri (NkgGraph *graph, const char *query)
{
  NkgEntity *e = nkg_graph_entity_by_iri (graph, query);
  if (!e && graph->base && !strstr (query, "://"))
    {
      g_autofree char *full = g_strconcat (graph->base, query, NULL);
      e = nkg_graph_entity_by_iri (graph, full);
    }
  return e;
}

NkgResolve
nkg_query_resolve (NkgGraph *graph, const char *query, NkgClass klass, NkgEntity **entity,
                   GPtrArray **candidates)
{
  g_return_val_if_fail (graph && query && entity && candidates, NKG_RESOLVE_UNKNOWN);
  *entity = NULL;
  *candidates = NULL;

  NkgEntity *by_iri = entity_by_any_iri (graph, query);
  if (by_iri && nkg_query_class_matches (by_iri, klass))
    {
      *entity = by_iri;
      return NKG_RESOLVE_FOUND;
    }

  g_autofree char *key = nkg_name_key (query);
  g_autoptr (GPtrArray) found = nkg_graph_find (graph, query);
  g_autoptr (GPtrArray) matches = g_ptr_array_new ();
  g_autoptr (GPtrArray) by_name = g_ptr_array_new ();
  for (guint i = 0; found && i < found->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (found, i);
      if (!nkg_query_class_matches (e, klass))
        continue;
      g_ptr_array_add (matches, e);
      g_autofree char *nk = nkg_name_key (e->name);
      if (strcmp (nk, key) == 0)
        g_ptr_array_add (by_name, e);
    }
  g_ptr_array_sort (matches, cmp_by_mentions);

  if (by_name->len == 1 || (by_name->len == 0 && matches->len == 1))
    {
      *entity = by_name->len ? g_ptr_array_index (by_name, 0) : g_ptr_array_index (matches, 0);
      return NKG_RESOLVE_FOUND;
    }
  if (matches->len > 1)
    {
      *candidates = g_ptr_array_ref (by_name->len > 1 ? by_name : matches);
      if (by_name->len > 1)
        g_ptr_array_sort (*candidates, cmp_by_mentions);
      return NKG_RESOLVE_AMBIGUOUS;
    }

  /* No name or alias: a query that starts a word of some entities' names
   * ("framework", "jose") means them, like an abbreviated git revision;
   * failing that, suggest close names of the wanted class. */
  g_autoptr (GArray) hits = nkg_query_search (graph, query, klass, 0);
  GPtrArray *sugg = g_ptr_array_new ();
  for (guint i = 0; g_utf8_strlen (key, -1) >= 3 && i < hits->len; i++)
    {
      NkgSearchHit *h = &g_array_index (hits, NkgSearchHit, i);
      if (h->match <= NKG_MATCH_PREFIX)
        g_ptr_array_add (sugg, h->entity);
    }
  if (sugg->len == 1)
    {
      *entity = g_ptr_array_index (sugg, 0);
      g_ptr_array_unref (sugg);
      return NKG_RESOLVE_FOUND;
    }
  if (sugg->len > 1)
    {
      *candidates = sugg;
      return NKG_RESOLVE_AMBIGUOUS;
    }
  for (guint i = 0; i < hits->len && sugg->len < 5; i++)
    g_ptr_array_add (sugg, g_array_index (hits, NkgSearchHit, i).entity);
  *candidates = sugg;
  return NKG_RESOLVE_UNKNOWN;
}

/* Search */

const char *
nkg_match_key (NkgMatch match)
{
  static const char *keys[] = { "exact", "alias", "prefix", "substring", "fuzzy" };
  return match <= NKG_MATCH_FUZZY ? keys[match] : "fuzzy";
}

/* Whether some word of `key` starts with `q` (both name keys). */
static gboolean
has_word_prefix (const char *key, const char *q)
{
  gsize n = strlen (q);
  for (const char *p = key; p; p = strchr (p, ' '))
    {
      if (*p == ' ')
        p++;
      if (strncmp (p, q, n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Smallest edit distance between `q` (of `qwords` words) and the whole of
 * `key` or any run of `qwords` consecutive words in it, capped at max+1. */
static guint
fuzzy_distance (const char *key, const char *q, guint qwords, guint max)
{
  guint best = nkg_name_distance (key, q, max);
  g_auto (GStrv) words = g_strsplit (key, " ", -1);
  guint nw = g_strv_length (words);
  for (guint i = 0; best > 0 && nw > qwords && i + qwords <= nw; i++)
    {
      g_autofree char *window = NULL;
      char *saved = words[i + qwords];
      words[i + qwords] = NULL;
      window = g_strjoinv (" ", words + i);
      words[i + qwords] = saved;
      guint d = nkg_name_distance (window, q, max);
      if (d < best)
        best = d;
    }
  return best;
}

typedef struct {
  NkgSearchHit hit;
  char *name_key; /* for ordering ties */
} RankedHit;

static gint
cmp_ranked (gconstpointer a, gconstpointer b)
{
  const RankedHit *ra = a, *rb = b;
  if (ra->hit.match != rb->hit.match)
    return ra->hit.match < rb->hit.match ? -1 : 1;
  if (ra->hit.distance != rb->hit.distance)
    return ra->hit.distance < rb->hit.distance ? -1 : 1;
  if (ra->hit.entity->mention_count != rb->hit.entity->mention_count)
    return ra->hit.entity->mention_count > rb->hit.entity->mention_count ? -1 : 1;
  return cmp_entities_by_key (ra->hit.entity, ra->name_key, rb->hit.entity, rb->name_key);
}

/* Best match of one form against the query, or FALSE. */
static gboolean
match_form (const char *form, gboolean is_name, const char *q, guint qlen, guint qwords,
            guint max_dist, NkgMatch *match, guint *distance)
{
  g_autofree char *key = nkg_name_key (form);
  *distance = 0;
  if (strcmp (key, q) == 0)
    *match = is_name ? NKG_MATCH_EXACT : NKG_MATCH_ALIAS;
  else if (has_word_prefix (key, q))
    *match = NKG_MATCH_PREFIX;
  else if (strstr (key, q))
    *match = NKG_MATCH_SUBSTRING;
  else if (max_dist > 0 && qlen >= 4)
    {
      *distance = fuzzy_distance (key, q, qwords, max_dist);
      if (*distance > max_dist)
        return FALSE;
      *match = NKG_MATCH_FUZZY;
    }
  else
    return FALSE;
  return TRUE;
}

struct _NkgSearchQuery {
  char *q;
  guint qlen, qwords, max_dist;
};

NkgSearchQuery *
nkg_search_query_new (const char *text)
{
  NkgSearchQuery *sq = g_new0 (NkgSearchQuery, 1);
  sq->q = nkg_name_key (text);
  sq->qlen = g_utf8_strlen (sq->q, -1);
  sq->qwords = nkg_name_key_words (sq->q);
  sq->max_dist = sq->qlen / 4 ? sq->qlen / 4 : 1;
  return sq;
}

void
nkg_search_query_free (NkgSearchQuery *sq)
{
  if (!sq)
    return;
  g_free (sq->q);
  g_free (sq);
}

gboolean
nkg_search_query_matches_key (const NkgSearchQuery *sq, const char *key)
{
  if (!*sq->q)
    return FALSE;
  if (strcmp (key, sq->q) == 0 || has_word_prefix (key, sq->q) || strstr (key, sq->q))
    return TRUE;
  return sq->max_dist > 0 && sq->qlen >= 4
         && fuzzy_distance (key, sq->q, sq->qwords, sq->max_dist) <= sq->max_dist;
}

GArray *
nkg_query_search_in (GPtrArray *entities, const NkgSearchQuery *sq, NkgClass klass, guint max)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (NkgSearchHit));
  const char *q = sq->q;
  if (!*q)
    return out;
  guint qlen = sq->qlen, qwords = sq->qwords, max_dist = sq->max_dist;

  g_autoptr (GArray) ranked = g_array_new (FALSE, FALSE, sizeof (RankedHit));
  for (guint i = 0; i < entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (entities, i);
      if (!nkg_query_class_matches (e, klass))
        continue;
      RankedHit best = { 0 };
      gboolean any = FALSE;
      guint nforms = 1 + (e->aliases ? e->aliases->len : 0);
      for (guint k = 0; k < nforms; k++)
        {
          const char *form = k == 0 ? e->name : g_ptr_array_index (e->aliases, k - 1);
          NkgMatch m;
          guint d;
          if (!form || !match_form (form, k == 0, q, qlen, qwords, max_dist, &m, &d))
            continue;
          if (!any || m < best.hit.match || (m == best.hit.match && d < best.hit.distance))
            {
              best.hit = (NkgSearchHit){ e, m, d, form };
              any = TRUE;
            }
        }
      if (any)
        {
          best.name_key = nkg_name_key (e->name);
          g_array_append_val (ranked, best);
        }
    }
  g_array_sort (ranked, cmp_ranked);
  for (guint i = 0; i < ranked->len; i++)
    {
      RankedHit *r = &g_array_index (ranked, RankedHit, i);
      if (max == 0 || out->len < max)
        g_array_append_val (out, r->hit);
      g_free (r->name_key);
    }
  return out;
}

GArray *
nkg_query_search (NkgGraph *graph, const char *text, NkgClass klass, guint max)
{
  g_autoptr (NkgSearchQuery) sq = nkg_search_query_new (text);
  return nkg_query_search_in (graph->entities, sq, klass, max);
}

/* Path */

static gint
cmp_fact_iri (gconstpointer a, gconstpointer b)
{
  const NkgFact *fa = *(NkgFact *const *) a, *fb = *(NkgFact *const *) b;
  return g_strcmp0 (fa->iri, fb->iri);
}

/* The entity-valued facts touching `e`, sorted by statement IRI. */
static GPtrArray *
links_of (const NkgEntity *e)
{
  GPtrArray *links = g_ptr_array_new ();
  for (guint i = 0; e->out && i < e->out->len; i++)
    {
      NkgFact *f = g_ptr_array_index (e->out, i);
      if (f->object)
        g_ptr_array_add (links, f);
    }
  for (guint i = 0; e->in && i < e->in->len; i++)
    {
      NkgFact *f = g_ptr_array_index (e->in, i);
      if (f->subject)
        g_ptr_array_add (links, f);
    }
  g_ptr_array_sort (links, cmp_fact_iri);
  return links;
}

typedef struct {
  NkgPathStep step; /* the best link arriving here */
  NkgEntity *prev;
  guint depth;
  guint width;      /* support of the weakest link on the best chain here */
} Visit;

/* Level by level: every node of a level is reached from the previous one
 * by its best-supported link, so the chain kept to each node is the
 * shortest, and among those the widest. */
GArray *
nkg_query_path (NkgGraph *graph, NkgEntity *from, NkgEntity *to, guint max_len)
{
  (void) graph;
  g_return_val_if_fail (from && to, NULL);
  if (from == to)
    return g_array_new (FALSE, FALSE, sizeof (NkgPathStep));

  g_autoptr (GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  Visit *start = g_new0 (Visit, 1);
  start->width = G_MAXUINT;
  g_hash_table_insert (seen, from, start);
  g_autoptr (GPtrArray) level = g_ptr_array_new ();
  g_ptr_array_add (level, from);
  guint depth = 0;
  while (level->len && !g_hash_table_contains (seen, to) && (!max_len || depth < max_len))
    {
      g_autoptr (GPtrArray) next_level = g_ptr_array_new ();
      for (guint n = 0; n < level->len; n++)
        {
          NkgEntity *e = g_ptr_array_index (level, n);
          Visit *here = g_hash_table_lookup (seen, e);
          g_autoptr (GPtrArray) links = links_of (e);
          for (guint i = 0; i < links->len; i++)
            {
              NkgFact *f = g_ptr_array_index (links, i);
              gboolean forward = f->subject == e;
              NkgEntity *next = forward ? f->object : f->subject;
              guint width = MIN (here->width, f->docs ? f->docs->len : 0);
              Visit *v = g_hash_table_lookup (seen, next);
              if (!v)
                {
                  v = g_new0 (Visit, 1);
                  v->depth = depth + 1;
                  v->width = 0;
                  g_hash_table_insert (seen, next, v);
                  g_ptr_array_add (next_level, next);
                }
              else if (v->depth != depth + 1)
                continue;
              if (!v->step.fact || width > v->width)
                {
                  v->step = (NkgPathStep){ f, forward };
                  v->prev = e;
                  v->width = width;
                }
            }
        }
      g_ptr_array_unref (level);
      level = g_steal_pointer (&next_level);
      depth++;
    }
  Visit *v = g_hash_table_lookup (seen, to);
  if (!v)
    return NULL;

  GArray *path = g_array_sized_new (FALSE, FALSE, sizeof (NkgPathStep), v->depth);
  g_array_set_size (path, v->depth);
  for (NkgEntity *e = to; e != from; e = v->prev)
    {
      v = g_hash_table_lookup (seen, e);
      g_array_index (path, NkgPathStep, v->depth - 1) = v->step;
    }
  return path;
}

/* Listing */

typedef struct {
  NkgEntity *e;
  guint degree;
  char *key;
} SortItem;

gint
nkg_query_cmp_ranked (NkgSort sort, const NkgRanked *a, const NkgRanked *b)
{
  if (sort == NKG_SORT_MENTIONS && a->mentions != b->mentions)
    return a->mentions > b->mentions ? -1 : 1;
  if (sort == NKG_SORT_DEGREE && a->degree != b->degree)
    return a->degree > b->degree ? -1 : 1;
  int c = strcmp (a->key, b->key);
  if (c == 0)
    c = g_strcmp0 (a->name, b->name);
  if (c == 0)
    c = g_strcmp0 (a->iri, b->iri);
  return c;
}

static gint
cmp_items (gconstpointer a, gconstpointer b, gpointer data)
{
  const SortItem *ia = a, *ib = b;
  NkgRanked ra = { ia->e->iri, ia->e->name, ia->key, ia->e->mention_count, ia->degree };
  NkgRanked rb = { ib->e->iri, ib->e->name, ib->key, ib->e->mention_count, ib->degree };
  return nkg_query_cmp_ranked (GPOINTER_TO_INT (data), &ra, &rb);
}

GPtrArray *
nkg_query_entities (NkgGraph *graph, NkgClass klass, NkgSort sort)
{
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  for (guint i = 0; i < graph->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (graph->entities, i);
      if (!nkg_query_class_matches (e, klass))
        continue;
      SortItem it = { e, sort == NKG_SORT_DEGREE ? nkg_query_degree (e) : 0,
                      nkg_name_key (e->name) };
      g_array_append_val (items, it);
    }
  g_array_sort_with_data (items, cmp_items, GINT_TO_POINTER (sort));
  GPtrArray *out = g_ptr_array_sized_new (items->len);
  for (guint i = 0; i < items->len; i++)
    {
      SortItem *it = &g_array_index (items, SortItem, i);
      g_ptr_array_add (out, it->e);
      g_free (it->key);
    }
  return out;
}
