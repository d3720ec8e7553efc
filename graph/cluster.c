/* cluster.c — one agreement (or event) described differently by different
 * articles.
 *
 * Names alone cannot link "the 10-year framework" in one article to the
 * "Defence Framework Agreement" in another, but what the articles say
 * about it can: the same signatories, the same term, the same place and
 * day of signing. Two descriptions from different documents are one
 * entity when enough of that agrees and nothing contradicts it (a
 * different term or signing date). Two entities that one article keeps
 * apart (two MoUs signed the same day) are never joined: a document that
 * mentions both vetoes the merge.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "graph-private.h"
#include "names.h"

/* Evidence weights; a pair needs MERGE_AT to be joined. A shared term or
 * date is strong; a shared signatory or place is weaker, as the same two
 * ministers may sign several texts. */
#define W_SAME_DURATION 2
#define W_SAME_DATE 2
#define W_SAME_PLACE 1
#define W_SHARED_AGENT 1 /* per shared signatory/attendee, at most two */
#define W_SIMILAR_NAME 1
/* The two articles name the same people (two or more): they likely report
 * one story, so one more agreeing fact is enough. */
#define W_SAME_STORY 2
#define MERGE_AT 3
/* Within a block of profiles sharing a feature value, each is compared
 * with this many after it (in creation order, which merge.c makes
 * canonical: it depends on the set of documents, not their order): a
 * widely reported agreement with a thousand descriptions still chains
 * into one cluster, in linear rather than quadratic time. */
#define BLOCK_WINDOW 64


/* Every set below (documents, people, places, interned strings) is an
 * array of pointers sorted by address: one allocation, and two sets meet
 * in one merge instead of a hash probe per element. Only the number of
 * common values is used, and that does not depend on the order. */
typedef struct {
  const guintptr *v;
  guint n;
} Set;

/* The sets' storage, freed at once when clustering ends. */
typedef struct {
  GPtrArray *chunks;
  guintptr *cur;
  gsize left;
} Arena;

#define ARENA_CHUNK 16384

static guintptr *
arena_alloc (Arena *a, gsize n)
{
  if (n > ARENA_CHUNK / 4)
    {
      guintptr *big = g_new (guintptr, n);
      g_ptr_array_add (a->chunks, big);
      return big;
    }
  if (n > a->left)
    {
      a->cur = g_new (guintptr, ARENA_CHUNK);
      a->left = ARENA_CHUNK;
      g_ptr_array_add (a->chunks, a->cur);
    }
  guintptr *r = a->cur;
  a->cur += n;
  a->left -= n;
  return r;
}

static int
uptr_cmp (const void *x, const void *y)
{
  guintptr a = *(const guintptr *) x, b = *(const guintptr *) y;
  return a < b ? -1 : (a > b);
}

/* Sorts and de-duplicates `scratch` and keeps it as a set. */
static Set
set_take (Arena *arena, GArray *scratch)
{
  Set s = { NULL, 0 };
  guintptr *v = (guintptr *) (void *) scratch->data;
  guint n = scratch->len;
  if (n)
    {
      qsort (v, n, sizeof *v, uptr_cmp);
      guint w = 1;
      for (guint r = 1; r < n; r++)
        if (v[r] != v[w - 1])
          v[w++] = v[r];
      guintptr *store = arena_alloc (arena, w);
      memcpy (store, v, w * sizeof *v);
      s.v = store;
      s.n = w;
    }
  g_array_set_size (scratch, 0);
  return s;
}

static void
scratch_add (GArray *scratch, gconstpointer p)
{
  guintptr u = (guintptr) p;
  g_array_append_val (scratch, u);
}

/* The number of values in both, counting no further than `limit`. */
static guint
shared_upto (Set a, Set b, guint limit)
{
  if (a.n > b.n)
    {
      Set t = a;
      a = b;
      b = t;
    }
  guint n = 0;
  if (!a.n)
    return 0;
  if ((gsize) a.n * 16 < b.n)
    {
      /* Much smaller: look each value up in the other. */
      guint lo = 0;
      for (guint i = 0; i < a.n && lo < b.n; i++)
        {
          guint l = lo, h = b.n;
          while (l < h)
            {
              guint m = l + (h - l) / 2;
              if (b.v[m] < a.v[i])
                l = m + 1;
              else
                h = m;
            }
          if (l < b.n && b.v[l] == a.v[i])
            {
              if (++n >= limit)
                return n;
              l++;
            }
          lo = l;
        }
      return n;
    }
  guint i = 0, j = 0;
  while (i < a.n && j < b.n)
    {
      if (a.v[i] < b.v[j])
        i++;
      else if (a.v[i] > b.v[j])
        j++;
      else
        {
          if (++n >= limit)
            return n;
          i++;
          j++;
        }
    }
  return n;
}

static guint
shared (Set a, Set b)
{
  return shared_upto (a, b, G_MAXUINT);
}

typedef struct {
  NkgEntity *e;
  NkgClass klass; /* e's, read without going to e */
  guint order; /* its index in graph->entities */
  Set docs;
  Set agents;    /* signatories or attendees (NkgEntity*) */
  Set places;    /* signedIn / location (NkgEntity*) */
  Set dates;     /* signedOn / startDate literals, interned */
  Set durations; /* interned */
  Set words;     /* content words of its names, interned */
  Set people;    /* persons mentioned in its documents */
  gboolean proper; /* has a proper name with two telling words */
} Profile;

static gboolean
is_description_class (NkgClass c)
{
  return c == NKG_CLASS_AGREEMENT || c == NKG_CLASS_EVENT;
}

/* Equal strings → one pointer, so that string sets are pointer sets. */
static const char *
intern (GHashTable *strings, GStringChunk *chunk, const char *s)
{
  const char *in = g_hash_table_lookup (strings, s);
  if (!in)
    {
      in = g_string_chunk_insert (chunk, s);
      g_hash_table_add (strings, (gpointer) in);
    }
  return in;
}

static void
add_words (GArray *scratch, GHashTable *strings, GStringChunk *chunk, const char *key)
{
  g_auto (GStrv) parts = g_strsplit (key, " ", -1);
  for (char **p = parts; *p; p++)
    if (**p && !nkg_name_is_generic_word (*p))
      scratch_add (scratch, intern (strings, chunk, *p));
}

static void
profile_init (Profile *x, NkgEntity *e, guint order, Arena *arena, GArray *scratch,
              GHashTable *strings, GStringChunk *chunk)
{
  x->e = e;
  x->klass = e->klass;
  x->order = order;
  for (guint i = 0; i < e->docs->len; i++)
    scratch_add (scratch, g_ptr_array_index (e->docs, i));
  x->docs = set_take (arena, scratch);
  NkgEntityBuild *b = e->priv;
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init (&it, b->forms);
  while (g_hash_table_iter_next (&it, &k, NULL))
    {
      g_autofree char *key = nkg_name_key (k);
      add_words (scratch, strings, chunk, key);
      if (g_unichar_isupper (g_utf8_get_char (k)) && nkg_name_key_content_words (key) >= 2)
        x->proper = TRUE;
    }
  x->words = set_take (arena, scratch);
}

/* Both have values and none in common: they contradict each other. */
static gboolean
conflict (Set a, Set b)
{
  return a.n && b.n && shared_upto (a, b, 1) == 0;
}

/* Two descriptions are compatible when nothing says they are different:
 * not in one article together, no other term or date, not two unrelated
 * proper names ("Letter of Arrangement" is not the "Reciprocal Access
 * Agreement"). The pair's score when they are compatible and it reaches
 * MERGE_AT; below that, some score under MERGE_AT (0 when they are not
 * compatible), as no pair under MERGE_AT is joined. Each set is compared
 * once, for the score and the contradictions together, and the
 * documents, the longest sets, only for a pair that would be joined
 * (most candidate pairs score one or two). */
static int
score (const Profile *a, const Profile *b)
{
  if (a->klass != b->klass)
    return 0;
  guint same_duration = shared_upto (a->durations, b->durations, 1);
  if (!same_duration && a->durations.n && b->durations.n)
    return 0;
  guint same_date = shared_upto (a->dates, b->dates, 1);
  if (!same_date && a->dates.n && b->dates.n)
    return 0;
  guint inter = shared (a->words, b->words);
  if (a->proper && b->proper && !inter)
    return 0;
  int s = 0;
  if (same_duration)
    s += W_SAME_DURATION;
  if (same_date)
    s += W_SAME_DATE;
  if (shared_upto (a->places, b->places, 1))
    s += W_SAME_PLACE;
  s += W_SHARED_AGENT * (int) shared_upto (a->agents, b->agents, 2);
  guint uni = a->words.n + b->words.n - inter;
  if (uni && inter * 2 >= uni)
    s += W_SIMILAR_NAME;
  if (s + W_SAME_STORY < MERGE_AT)
    return s;
  if (shared_upto (a->people, b->people, 2) >= 2)
    s += W_SAME_STORY;
  if (s < MERGE_AT)
    return s;
  return shared_upto (a->docs, b->docs, 1) ? 0 : s;
}

typedef struct {
  guint a, b; /* profile indices, a < b */
  int score;
} Pair;

/* The three things two members can contradict each other on: the term,
 * the date, and (between proper names) the words of the name. Each is a
 * set per member; two members contradict on it when both have a value and
 * none in common. */
enum { DIM_DURATION, DIM_DATE, DIM_WORDS, DIM_N };

static Set
dim_set (const Profile *p, int dim)
{
  static const Set none = { NULL, 0 };
  switch (dim)
    {
    case DIM_DURATION:
      return p->durations;
    case DIM_DATE:
      return p->dates;
    default:
      return p->proper ? p->words : none;
    }
}

/* Below this many constrained members a cluster is checked member by
 * member; from it on, through the counts of its values. */
#define COUNTED_FROM 16

/* A cluster under construction: its contested documents (those where
 * two or more descriptions appear: only there can two clusters meet),
 * and the members that carry a term, a date or a proper name — the only
 * ones that can contradict another member. Checking those against each
 * other and the documents equals checking every pair of members (all
 * members are of one class: only compatible pairs are joined). */
typedef struct {
  GArray *contested;      /* guint, indices into Contested */
  GArray *constrained;    /* guint, profile indices */
  guint size;             /* members */
  guint first;            /* the least member: the cluster's representative */
  /* For each dimension, once `constrained` is long: how many members have
   * a value there, and for each value how many have it. */
  guint with[DIM_N];
  GHashTable *count[DIM_N]; /* value → number of members, or NULL */
} Cluster;

/* The documents shared by two or more descriptions, each with those
 * descriptions (profile indices). */
typedef struct {
  guint *first;    /* of each contested document, into `profiles`; n + 1 */
  guint *profiles;
  guint *of_first; /* of each profile, into `of` (its contested documents); np + 1 */
  guint *of;
} Contested;

static void
cluster_free (Cluster *c)
{
  if (!c)
    return;
  g_array_unref (c->contested);
  g_array_unref (c->constrained);
  for (int d = 0; d < DIM_N; d++)
    if (c->count[d])
      g_hash_table_unref (c->count[d]);
  g_free (c);
}

static void
count_member (Cluster *c, const Profile *p)
{
  for (int d = 0; d < DIM_N; d++)
    {
      Set s = dim_set (p, d);
      if (!s.n)
        continue;
      c->with[d]++;
      for (guint i = 0; i < s.n; i++)
        {
          gpointer k = (gpointer) s.v[i];
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (c->count[d], k));
          g_hash_table_insert (c->count[d], k, GUINT_TO_POINTER (n + 1));
        }
    }
}

/* Counts the values of every constrained member, once there are enough. */
static void
cluster_count (Cluster *c, const Profile *profiles)
{
  if (c->count[0] || c->constrained->len < COUNTED_FROM)
    return;
  for (int d = 0; d < DIM_N; d++)
    c->count[d] = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < c->constrained->len; i++)
    count_member (c, &profiles[g_array_index (c->constrained, guint, i)]);
}

static Cluster *
cluster_of (Cluster **clusters, Profile *profiles, const Contested *docs, guint root)
{
  Cluster *c = clusters[root];
  if (c)
    return c;
  Profile *p = &profiles[root];
  c = g_new0 (Cluster, 1);
  guint n = docs->of_first[root + 1] - docs->of_first[root];
  c->contested = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_array_append_vals (c->contested, docs->of + docs->of_first[root], n);
  c->constrained = g_array_new (FALSE, FALSE, sizeof (guint));
  if (p->durations.n || p->dates.n || p->proper)
    g_array_append_val (c->constrained, root);
  c->size = 1;
  c->first = root;
  clusters[root] = c;
  return c;
}

/* Whether some constrained member of `a` and one of `b` contradict each
 * other in dimension `dim`. A member of the smaller side is checked
 * against the larger side's counts when it has them: if one of its values
 * is every member's, it meets all of them; if its values together are
 * fewer than the members, one member has none of them; only otherwise are
 * the members compared one by one. */
static gboolean
dim_conflict (const Cluster *a, const Cluster *b, int dim, const Profile *profiles)
{
  const Cluster *small = a->constrained->len <= b->constrained->len ? a : b;
  const Cluster *big = small == a ? b : a;
  for (guint i = 0; i < small->constrained->len; i++)
    {
      Set x = dim_set (&profiles[g_array_index (small->constrained, guint, i)], dim);
      if (!x.n)
        continue;
      if (big->count[dim])
        {
          guint all = big->with[dim];
          if (!all)
            return FALSE;
          guint64 sum = 0;
          gboolean meets_all = FALSE;
          for (guint k = 0; k < x.n && !meets_all; k++)
            {
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (big->count[dim], (gpointer) x.v[k]));
              sum += n;
              meets_all = n == all;
            }
          if (meets_all)
            continue;
          if (sum < all)
            return TRUE;
        }
      for (guint j = 0; j < big->constrained->len; j++)
        if (conflict (x, dim_set (&profiles[g_array_index (big->constrained, guint, j)], dim)))
          return TRUE;
    }
  return FALSE;
}

/* No document of one has a member of the other, and their terms agree. */
static gboolean
clusters_compatible (Cluster *a, guint ra, Cluster *b, guint rb, const Contested *docs,
                     guint *parent, const Profile *profiles)
{
  Cluster *small = a->contested->len < b->contested->len ? a : b;
  guint other = small == a ? rb : ra;
  for (guint i = 0; i < small->contested->len; i++)
    {
      guint d = g_array_index (small->contested, guint, i);
      for (guint j = docs->first[d]; j < docs->first[d + 1]; j++)
        if (nkg_uf_find (parent, docs->profiles[j]) == other)
          return FALSE;
    }
  /* Disjoint documents: no two members share one, so only terms remain. */
  for (int dim = 0; dim < DIM_N; dim++)
    if (dim_conflict (a, b, dim, profiles))
      return FALSE;
  return TRUE;
}

/* The union, into `into`; the longer lists are kept and the shorter added
 * to them. The documents are disjoint, so nothing repeats. */
static void
cluster_absorb (Cluster *into, Cluster *from, const Profile *profiles)
{
  if (into->contested->len < from->contested->len)
    {
      GArray *t = into->contested;
      into->contested = from->contested;
      from->contested = t;
    }
  g_array_append_vals (into->contested, from->contested->data, from->contested->len);
  if (into->constrained->len < from->constrained->len)
    {
      GArray *t = into->constrained;
      into->constrained = from->constrained;
      from->constrained = t;
      for (int d = 0; d < DIM_N; d++)
        {
          GHashTable *h = into->count[d];
          into->count[d] = from->count[d];
          from->count[d] = h;
          guint w = into->with[d];
          into->with[d] = from->with[d];
          from->with[d] = w;
        }
    }
  if (into->count[0])
    for (guint i = 0; i < from->constrained->len; i++)
      count_member (into, &profiles[g_array_index (from->constrained, guint, i)]);
  g_array_append_vals (into->constrained, from->constrained->data, from->constrained->len);
  cluster_count (into, profiles);
  into->size += from->size;
  into->first = MIN (into->first, from->first);
}

/* (document, profile) for every document of every profile. */
typedef struct {
  guintptr doc;
  guint profile;
} DocUse;

static gint
doc_use_cmp (gconstpointer x, gconstpointer y)
{
  const DocUse *a = x, *b = y;
  if (a->doc != b->doc)
    return a->doc < b->doc ? -1 : 1;
  return a->profile < b->profile ? -1 : (a->profile > b->profile);
}

static void
contested_init (Contested *c, const Profile *profiles, guint np)
{
  g_autoptr (GArray) uses = g_array_new (FALSE, FALSE, sizeof (DocUse));
  for (guint p = 0; p < np; p++)
    for (guint i = 0; i < profiles[p].docs.n; i++)
      {
        DocUse u = { profiles[p].docs.v[i], p };
        g_array_append_val (uses, u);
      }
  g_array_sort (uses, doc_use_cmp);
  g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) list = g_array_new (FALSE, FALSE, sizeof (guint));
  c->of_first = g_new0 (guint, np + 1);
  for (guint i = 0; i < uses->len;)
    {
      guint j = i;
      while (j < uses->len && g_array_index (uses, DocUse, j).doc == g_array_index (uses, DocUse, i).doc)
        j++;
      if (j - i >= 2)
        {
          g_array_append_val (first, list->len);
          for (guint k = i; k < j; k++)
            {
              g_array_append_val (list, g_array_index (uses, DocUse, k).profile);
              c->of_first[g_array_index (uses, DocUse, k).profile + 1]++;
            }
        }
      i = j;
    }
  g_array_append_val (first, list->len);
  for (guint p = 0; p < np; p++)
    c->of_first[p + 1] += c->of_first[p];
  c->of = g_new (guint, c->of_first[np] + 1);
  g_autofree guint *fill = g_memdup2 (c->of_first, (np + 1) * sizeof (guint));
  for (guint d = 0; d + 1 < first->len; d++)
    for (guint k = g_array_index (first, guint, d); k < g_array_index (first, guint, d + 1); k++)
      c->of[fill[g_array_index (list, guint, k)]++] = d;
  c->first = (guint *) (void *) g_array_free (g_steal_pointer (&first), FALSE);
  c->profiles = (guint *) (void *) g_array_free (g_steal_pointer (&list), FALSE);
}

static void
contested_clear (Contested *c)
{
  g_free (c->first);
  g_free (c->profiles);
  g_free (c->of_first);
  g_free (c->of);
}

static gint
pair_cmp (gconstpointer x, gconstpointer y)
{
  const Pair *p = x, *q = y;
  if (p->score != q->score)
    return p->score > q->score ? -1 : 1;
  if (p->a != q->a)
    return p->a < q->a ? -1 : 1;
  return p->b < q->b ? -1 : (p->b > q->b);
}

static gint
pair_b_cmp (gconstpointer x, gconstpointer y)
{
  const Pair *p = x, *q = y;
  return p->b < q->b ? -1 : (p->b > q->b);
}

/* Sorts `pairs` by pair_cmp: strongest first, then by a, then by b.
 * Scores are a few small integers and the pairs come made in the order
 * of a, so a stable count by score leaves each score's pairs in that
 * order, and only the pairs of one a need sorting (by b): a comparison
 * sort of every pair was a seventh of finishing the real-article corpus.
 * A score's pairs not in the order of a are sorted in full. */
static void
sort_pairs (GArray *pairs)
{
  guint n = pairs->len;
  if (n < 2)
    return;
  const Pair *v = (const Pair *) (void *) pairs->data;
  int lo = v[0].score, hi = v[0].score;
  for (guint i = 1; i < n; i++)
    {
      lo = MIN (lo, v[i].score);
      hi = MAX (hi, v[i].score);
    }
  if ((guint) (hi - lo) > 4096)
    {
      g_array_sort (pairs, pair_cmp);
      return;
    }
  guint buckets = (guint) (hi - lo) + 1;
  /* start[k]: where the pairs of score hi - k begin */
  g_autofree guint *start = g_new0 (guint, buckets + 1);
  for (guint i = 0; i < n; i++)
    start[hi - v[i].score + 1]++;
  for (guint k = 0; k < buckets; k++)
    start[k + 1] += start[k];
  g_autofree Pair *out = g_new (Pair, n);
  {
    g_autofree guint *fill = g_memdup2 (start, (buckets + 1) * sizeof (guint));
    for (guint i = 0; i < n; i++)
      out[fill[hi - v[i].score]++] = v[i];
  }
  for (guint k = 0; k < buckets; k++)
    {
      Pair *b = out + start[k];
      guint m = start[k + 1] - start[k];
      gboolean in_order = TRUE;
      for (guint i = 1; i < m && in_order; i++)
        in_order = b[i - 1].a <= b[i].a;
      if (!in_order)
        {
          qsort (b, m, sizeof *b, pair_cmp);
          continue;
        }
      for (guint i = 0; i < m;)
        {
          guint j = i + 1;
          while (j < m && b[j].a == b[i].a)
            j++;
          if (j - i > 1)
            qsort (b + i, j - i, sizeof *b, pair_b_cmp);
          i = j;
        }
    }
  memcpy (pairs->data, out, n * sizeof (Pair));
}

/* One feature value of one profile; profiles sharing a value form a block. */
typedef struct {
  guintptr value;
  guint kind; /* agent, place, date, duration */
  guint profile;
} Member;

static gint
member_cmp (gconstpointer x, gconstpointer y)
{
  const Member *a = x, *b = y;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->value != b->value)
    return a->value < b->value ? -1 : 1;
  return a->profile < b->profile ? -1 : (a->profile > b->profile);
}

/* A feature read off the facts: (profile, value). */
typedef struct {
  guint profile;
  guintptr value;
} Feature;

static gint
feature_cmp (gconstpointer x, gconstpointer y)
{
  const Feature *a = x, *b = y;
  if (a->profile != b->profile)
    return a->profile < b->profile ? -1 : 1;
  return a->value < b->value ? -1 : (a->value > b->value);
}

/* Gives every profile its set of the values in `features`, at `offset`
 * in Profile. */
static void
features_to_sets (GArray *features, Profile *profiles, gsize offset, Arena *arena, GArray *scratch)
{
  g_array_sort (features, feature_cmp);
  guint i = 0;
  while (i < features->len)
    {
      guint p = g_array_index (features, Feature, i).profile;
      for (; i < features->len && g_array_index (features, Feature, i).profile == p; i++)
        g_array_append_val (scratch, g_array_index (features, Feature, i).value);
      *(Set *) (void *) ((char *) &profiles[p] + offset) = set_take (arena, scratch);
    }
}

static void
add_feature (GArray *features, guint profile, gconstpointer value)
{
  Feature f = { profile, (guintptr) value };
  g_array_append_val (features, f);
}

enum { KIND_AGENT, KIND_PLACE, KIND_DATE, KIND_DURATION, KIND_N };

/* What scoring the candidate pairs reads: the profiles and their blocks. */
typedef struct {
  const Profile *profiles;
  const GArray *members; /* Member, sorted: blocks of one value */
  const guint *block_end, *first, *by_profile;
  guint np;
  GArray **pairs; /* Pair: each part's, in the order of its profiles */
} Scoring;

/* Scoring a profile's candidates takes a while: parts can be small. */
#define SCORE_PART_MIN 256

/* The pairs of profiles [from, to) with each of the BLOCK_WINDOW after
 * it in a block it is in, scored; a pair found in several blocks is
 * scored once (the pairs of one profile are gathered together and
 * marked). Reads only: parts run on threads of their own. */
static void
score_part (G_GNUC_UNUSED NkgGraph *g, guint part, guint from, guint to, gpointer data)
{
  Scoring *sc = data;
  guint *mark = g_new0 (guint, sc->np);
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  for (guint a = from; a < to; a++)
    for (guint r = sc->first[a]; r < sc->first[a + 1]; r++)
      {
        guint m = sc->by_profile[r];
        guint end = MIN (sc->block_end[m], m + 1 + BLOCK_WINDOW);
        for (guint j = m + 1; j < end; j++)
          {
            guint c = g_array_index (sc->members, Member, j).profile;
            if (mark[c] == a + 1)
              continue;
            mark[c] = a + 1;
            int s = score (&sc->profiles[a], &sc->profiles[c]);
            if (s >= MERGE_AT)
              {
                Pair pr = { a, c, s };
                g_array_append_val (pairs, pr);
              }
          }
      }
  g_free (mark);
  sc->pairs[part] = pairs;
}

GHashTable *
nkg_graph_cluster_descriptions (NkgGraph *g)
{
  GHashTable *remap = g_hash_table_new (NULL, NULL);
  /* Entity → its profile index + 1. */
  g_autoptr (GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) orders = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      if (is_description_class (e->klass))
        {
          g_array_append_val (orders, i);
          g_hash_table_insert (index, e, GUINT_TO_POINTER (orders->len));
        }
    }
  guint np = orders->len;
  if (np < 2)
    return remap;

  Arena arena = { g_ptr_array_new_with_free_func (g_free), NULL, 0 };
  g_autoptr (GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guintptr));
  g_autoptr (GHashTable) strings = g_hash_table_new (g_str_hash, g_str_equal);
  GStringChunk *chunk = g_string_chunk_new (4096);
  Profile *profiles = g_new0 (Profile, np);
  for (guint p = 0; p < np; p++)
    {
      guint i = g_array_index (orders, guint, p);
      profile_init (&profiles[p], g_ptr_array_index (g->entities, i), i, &arena, scratch,
                    strings, chunk);
    }

  /* Who each document mentions, for the story signal. */
  g_autoptr (GHashTable) doc_people = g_hash_table_new_full (NULL, NULL, NULL,
                                                             (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      if (e->klass != NKG_CLASS_PERSON)
        continue;
      for (guint j = 0; j < e->docs->len; j++)
        {
          gpointer d = g_ptr_array_index (e->docs, j);
          GPtrArray *list = g_hash_table_lookup (doc_people, d);
          if (!list)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (doc_people, d, list);
            }
          g_ptr_array_add (list, e);
        }
    }
  for (guint p = 0; p < np; p++)
    {
      Profile *x = &profiles[p];
      for (guint j = 0; j < x->docs.n; j++)
        {
          GPtrArray *list = g_hash_table_lookup (doc_people, (gpointer) x->docs.v[j]);
          for (guint m = 0; list && m < list->len; m++)
            scratch_add (scratch, g_ptr_array_index (list, m));
        }
      x->people = set_take (&arena, scratch);
    }
  g_clear_pointer (&doc_people, g_hash_table_unref);

  GArray *features[KIND_N];
  for (int k = 0; k < KIND_N; k++)
    features[k] = g_array_new (FALSE, FALSE, sizeof (Feature));
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      guint s = GPOINTER_TO_UINT (g_hash_table_lookup (index, f->subject));
      guint o = f->object ? GPOINTER_TO_UINT (g_hash_table_lookup (index, f->object)) : 0;
      switch (f->prop)
        {
        case NKG_PROP_SIGNED:
        case NKG_PROP_ATTENDED:
          /* People only: "Russia signed" fits every Russian treaty. */
          if (o && f->subject->klass == NKG_CLASS_PERSON)
            add_feature (features[KIND_AGENT], o - 1, f->subject);
          break;
        case NKG_PROP_SIGNED_IN:
        case NKG_PROP_LOCATION:
          if (s && f->object)
            add_feature (features[KIND_PLACE], s - 1, f->object);
          break;
        case NKG_PROP_SIGNED_ON:
        case NKG_PROP_START_DATE:
          if (s && f->literal)
            add_feature (features[KIND_DATE], s - 1, intern (strings, chunk, f->literal));
          break;
        case NKG_PROP_DURATION:
          if (s && f->literal)
            add_feature (features[KIND_DURATION], s - 1, intern (strings, chunk, f->literal));
          break;
        default:
          break;
        }
    }
  static const gsize offsets[KIND_N] = { offsetof (Profile, agents), offsetof (Profile, places),
                                         offsetof (Profile, dates), offsetof (Profile, durations) };
  for (int k = 0; k < KIND_N; k++)
    {
      features_to_sets (features[k], profiles, offsets[k], &arena, scratch);
      g_array_unref (features[k]);
    }

  /* Candidate pairs: profiles sharing some feature value (a block). In a
   * block, sorted by creation order, each is paired with the
   * BLOCK_WINDOW after it. A pair found in several blocks is scored once:
   * the pairs of one profile are gathered together and marked. */
  g_autoptr (GArray) members = g_array_new (FALSE, FALSE, sizeof (Member));
  for (guint p = 0; p < np; p++)
    for (int k = 0; k < KIND_N; k++)
      {
        Set s = *(Set *) (void *) ((char *) &profiles[p] + offsets[k]);
        for (guint j = 0; j < s.n; j++)
          {
            Member m = { s.v[j], (guint) k, p };
            g_array_append_val (members, m);
          }
      }
  g_array_sort (members, member_cmp);
  guint nm = members->len;
  /* Where each member's block ends, and the members of each profile. */
  guint *block_end = g_new (guint, nm + 1);
  guint *first = g_new0 (guint, np + 1);
  for (guint i = 0; i < nm;)
    {
      guint j = i;
      Member *a = &g_array_index (members, Member, i);
      while (j < nm && g_array_index (members, Member, j).kind == a->kind
             && g_array_index (members, Member, j).value == a->value)
        j++;
      for (guint m = i; m < j; m++)
        block_end[m] = j;
      i = j;
    }
  for (guint i = 0; i < nm; i++)
    first[g_array_index (members, Member, i).profile + 1]++;
  for (guint p = 0; p < np; p++)
    first[p + 1] += first[p];
  guint *by_profile = g_new (guint, nm + 1);
  {
    g_autofree guint *fill = g_memdup2 (first, (np + 1) * sizeof (guint));
    for (guint i = 0; i < nm; i++)
      by_profile[fill[g_array_index (members, Member, i).profile]++] = i;
  }
  Scoring sc = { profiles, members, block_end, first, by_profile, np,
                 g_new0 (GArray *, nkg_graph_threads (g)) };
  guint parts = nkg_graph_split_run (g, np, SCORE_PART_MIN, score_part, &sc);
  g_autoptr (GArray) pairs = g_steal_pointer (&sc.pairs[0]);
  for (guint t = 1; t < parts; t++)
    {
      g_array_append_vals (pairs, sc.pairs[t]->data, sc.pairs[t]->len);
      g_array_unref (sc.pairs[t]);
    }
  g_free (sc.pairs);
  g_free (by_profile);
  g_free (first);
  g_free (block_end);
  g_array_set_size (members, 0);
  sort_pairs (pairs);

  /* Union strongest pairs first; every two members of a cluster must be
   * compatible, so a description never bridges two different texts. The
   * smaller cluster goes into the larger; a cluster is named by its least
   * member. Two clusters found incompatible stay so, as clusters only
   * grow (a shared document or a contradiction stays): such a pair of
   * roots is remembered and not checked again. */
  guint *parent = g_new (guint, np);
  for (guint p = 0; p < np; p++)
    parent[p] = p;
  Cluster **clusters = g_new0 (Cluster *, np);
  Contested contested;
  contested_init (&contested, profiles, np);
  g_autoptr (GHashTable) refused = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);
      guint ra = nkg_uf_find (parent, p->a), rb = nkg_uf_find (parent, p->b);
      if (ra == rb)
        continue;
      if (rb < ra)
        {
          guint t = ra;
          ra = rb;
          rb = t;
        }
      gint64 key = ((gint64) ra << 32) | rb;
      if (g_hash_table_contains (refused, &key))
        continue;
      Cluster *ca = cluster_of (clusters, profiles, &contested, ra);
      Cluster *cb = cluster_of (clusters, profiles, &contested, rb);
      if (!clusters_compatible (ca, ra, cb, rb, &contested, parent, profiles))
        {
          g_hash_table_add (refused, g_memdup2 (&key, sizeof key));
          continue;
        }
      if (ca->size < cb->size)
        {
          Cluster *t = ca;
          ca = cb;
          cb = t;
          guint r = ra;
          ra = rb;
          rb = r;
        }
      cluster_absorb (ca, cb, profiles);
      cluster_free (cb);
      clusters[rb] = NULL;
      parent[rb] = ra;
    }
  g_clear_pointer (&refused, g_hash_table_unref);
  contested_clear (&contested);

  for (guint p = 0; p < np; p++)
    {
      guint root = nkg_uf_find (parent, p);
      guint first = clusters[root] ? clusters[root]->first : root;
      if (first != p)
        g_hash_table_insert (remap, profiles[p].e, profiles[first].e);
    }
  for (guint p = 0; p < np; p++)
    cluster_free (clusters[p]);
  g_free (clusters);
  g_free (parent);
  g_free (profiles);
  g_string_chunk_free (chunk);
  g_ptr_array_unref (arena.chunks);
  return remap;
}
