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

typedef struct {
  NkgEntity *e;
  guint order;
  GHashTable *agents;  /* signatories or attendees (NkgEntity*) */
  GHashTable *places;  /* signedIn / location (NkgEntity*) */
  GHashTable *dates;   /* signedOn / startDate literals */
  GHashTable *durations;
  GHashTable *words;   /* content words of its names */
  GHashTable *people;  /* persons mentioned in its documents */
  gboolean proper;     /* has a proper name with two telling words */
} Profile;

static void
profile_free (gpointer p)
{
  Profile *x = p;
  g_hash_table_unref (x->agents);
  g_hash_table_unref (x->places);
  g_hash_table_unref (x->dates);
  g_hash_table_unref (x->durations);
  g_hash_table_unref (x->words);
  g_hash_table_unref (x->people);
  g_free (x);
}

static gboolean
is_description_class (NkgClass c)
{
  return c == NKG_CLASS_AGREEMENT || c == NKG_CLASS_EVENT;
}

static void
add_words (GHashTable *words, const char *form)
{
  g_autofree char *key = nkg_name_key (form);
  g_auto (GStrv) parts = g_strsplit (key, " ", -1);
  for (char **p = parts; *p; p++)
    if (**p && !nkg_name_is_generic_word (*p))
      g_hash_table_add (words, g_strdup (*p));
}

static Profile *
profile_new (NkgEntity *e, guint order)
{
  Profile *x = g_new0 (Profile, 1);
  x->e = e;
  x->order = order;
  x->agents = g_hash_table_new (NULL, NULL);
  x->places = g_hash_table_new (NULL, NULL);
  x->dates = g_hash_table_new (g_str_hash, g_str_equal);
  x->durations = g_hash_table_new (g_str_hash, g_str_equal);
  x->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  x->people = g_hash_table_new (NULL, NULL);
  NkgEntityBuild *b = e->priv;
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init (&it, b->forms);
  while (g_hash_table_iter_next (&it, &k, NULL))
    {
      add_words (x->words, k);
      g_autofree char *key = nkg_name_key (k);
      if (g_unichar_isupper (g_utf8_get_char (k)) && nkg_name_key_content_words (key) >= 2)
        x->proper = TRUE;
    }
  return x;
}

static guint
shared (GHashTable *a, GHashTable *b)
{
  guint n = 0;
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &k, NULL))
    n += g_hash_table_contains (b, k);
  return n;
}

/* Both have values and none in common: they contradict each other. */
static gboolean
conflict (GHashTable *a, GHashTable *b)
{
  return g_hash_table_size (a) && g_hash_table_size (b) && shared (a, b) == 0;
}

static gboolean
share_doc (NkgEntity *a, NkgEntity *b)
{
  for (guint i = 0; i < a->docs->len; i++)
    if (g_ptr_array_find (b->docs, g_ptr_array_index (a->docs, i), NULL))
      return TRUE;
  return FALSE;
}

/* Nothing says they are different: not in one article together, no other
 * term or date, not two unrelated proper names ("Letter of Arrangement" is
 * not the "Reciprocal Access Agreement"). */
static gboolean
compatible (const Profile *a, const Profile *b)
{
  if (a->e->klass != b->e->klass || share_doc (a->e, b->e))
    return FALSE;
  if (conflict (a->durations, b->durations) || conflict (a->dates, b->dates))
    return FALSE;
  return !(a->proper && b->proper && shared (a->words, b->words) == 0);
}

static int
score (const Profile *a, const Profile *b)
{
  if (!compatible (a, b))
    return 0;
  int s = 0;
  if (shared (a->durations, b->durations))
    s += W_SAME_DURATION;
  if (shared (a->dates, b->dates))
    s += W_SAME_DATE;
  if (shared (a->places, b->places))
    s += W_SAME_PLACE;
  s += W_SHARED_AGENT * (int) MIN (shared (a->agents, b->agents), 2u);
  guint inter = shared (a->words, b->words);
  guint uni = g_hash_table_size (a->words) + g_hash_table_size (b->words) - inter;
  if (uni && inter * 2 >= uni)
    s += W_SIMILAR_NAME;
  if (shared (a->people, b->people) >= 2)
    s += W_SAME_STORY;
  return s;
}

typedef struct {
  Profile *a, *b;
  int score;
} Pair;

/* A cluster under construction: the documents of all its members, and
 * the members that carry a term, a date or a proper name — the only ones
 * that can contradict another member. Checking those pairs and the
 * document sets equals checking every pair of members. */
typedef struct {
  GHashTable *docs;      /* NkgDoc* set */
  GPtrArray *constrained; /* Profile* */
} Cluster;

static void
cluster_free (gpointer p)
{
  Cluster *c = p;
  g_hash_table_unref (c->docs);
  g_ptr_array_unref (c->constrained);
  g_free (c);
}

static Cluster *
cluster_of (GHashTable *clusters, Profile *root)
{
  Cluster *c = g_hash_table_lookup (clusters, root);
  if (c)
    return c;
  c = g_new0 (Cluster, 1);
  c->docs = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < root->e->docs->len; i++)
    g_hash_table_add (c->docs, g_ptr_array_index (root->e->docs, i));
  c->constrained = g_ptr_array_new ();
  if (g_hash_table_size (root->durations) || g_hash_table_size (root->dates) || root->proper)
    g_ptr_array_add (c->constrained, root);
  g_hash_table_insert (clusters, root, c);
  return c;
}

static gboolean
clusters_compatible (Cluster *a, Cluster *b)
{
  Cluster *small = g_hash_table_size (a->docs) < g_hash_table_size (b->docs) ? a : b;
  Cluster *big = small == a ? b : a;
  GHashTableIter it;
  gpointer d;
  g_hash_table_iter_init (&it, small->docs);
  while (g_hash_table_iter_next (&it, &d, NULL))
    if (g_hash_table_contains (big->docs, d))
      return FALSE;
  for (guint x = 0; x < a->constrained->len; x++)
    for (guint y = 0; y < b->constrained->len; y++)
      if (!compatible (g_ptr_array_index (a->constrained, x), g_ptr_array_index (b->constrained, y)))
        return FALSE;
  return TRUE;
}

static void
cluster_absorb (Cluster *into, Cluster *from)
{
  GHashTableIter it;
  gpointer d;
  g_hash_table_iter_init (&it, from->docs);
  while (g_hash_table_iter_next (&it, &d, NULL))
    g_hash_table_add (into->docs, d);
  g_ptr_array_extend (into->constrained, from->constrained, NULL, NULL);
}

static gint
profile_order_cmp (gconstpointer a, gconstpointer b)
{
  const Profile *x = *(Profile *const *) a, *y = *(Profile *const *) b;
  return x->order < y->order ? -1 : (x->order > y->order);
}

static gint
pair_cmp (gconstpointer x, gconstpointer y)
{
  const Pair *p = x, *q = y;
  if (p->score != q->score)
    return p->score > q->score ? -1 : 1;
  if (p->a->order != q->a->order)
    return p->a->order < q->a->order ? -1 : 1;
  return p->b->order < q->b->order ? -1 : (p->b->order > q->b->order);
}

static Profile *
find_root (GHashTable *parent, Profile *p)
{
  Profile *up;
  while ((up = g_hash_table_lookup (parent, p)) && up != p)
    p = up;
  return p;
}

/* Every feature value → the profiles having it, for blocking. */
static void
block_add (GHashTable *blocks, const char *kind, gconstpointer value, gboolean is_string,
           Profile *p)
{
  g_autofree char *key = is_string ? g_strdup_printf ("%s\t%s", kind, (const char *) value)
                                   : g_strdup_printf ("%s\t%p", kind, value);
  GPtrArray *list = g_hash_table_lookup (blocks, key);
  if (!list)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (blocks, g_steal_pointer (&key), list);
    }
  if (!g_ptr_array_find (list, p, NULL))
    g_ptr_array_add (list, p);
}

static gint
str_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GHashTable *
nkg_graph_cluster_descriptions (NkgGraph *g)
{
  GHashTable *remap = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) profiles = g_hash_table_new_full (NULL, NULL, NULL, profile_free);
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      if (is_description_class (e->klass))
        g_hash_table_insert (profiles, e, profile_new (e, i));
    }
  if (g_hash_table_size (profiles) < 2)
    return remap;

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
  GHashTableIter pit;
  gpointer pk, pv;
  g_hash_table_iter_init (&pit, profiles);
  while (g_hash_table_iter_next (&pit, &pk, &pv))
    {
      Profile *p = pv;
      for (guint j = 0; j < p->e->docs->len; j++)
        {
          GPtrArray *list = g_hash_table_lookup (doc_people, g_ptr_array_index (p->e->docs, j));
          for (guint m = 0; list && m < list->len; m++)
            g_hash_table_add (p->people, g_ptr_array_index (list, m));
        }
    }

  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      Profile *s = g_hash_table_lookup (profiles, f->subject);
      Profile *o = f->object ? g_hash_table_lookup (profiles, f->object) : NULL;
      switch (f->prop)
        {
        case NKG_PROP_SIGNED:
        case NKG_PROP_ATTENDED:
          /* People only: "Russia signed" fits every Russian treaty. */
          if (o && f->subject->klass == NKG_CLASS_PERSON)
            g_hash_table_add (o->agents, f->subject);
          break;
        case NKG_PROP_SIGNED_IN:
        case NKG_PROP_LOCATION:
          if (s && f->object)
            g_hash_table_add (s->places, f->object);
          break;
        case NKG_PROP_SIGNED_ON:
        case NKG_PROP_START_DATE:
          if (s)
            g_hash_table_add (s->dates, f->literal);
          break;
        case NKG_PROP_DURATION:
          if (s)
            g_hash_table_add (s->durations, f->literal);
          break;
        default:
          break;
        }
    }

  /* Candidate pairs: profiles sharing some feature value. */
  g_autoptr (GHashTable) blocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, profiles);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      Profile *p = v;
      GHashTableIter jt;
      gpointer x;
      g_hash_table_iter_init (&jt, p->agents);
      while (g_hash_table_iter_next (&jt, &x, NULL))
        block_add (blocks, "agent", x, FALSE, p);
      g_hash_table_iter_init (&jt, p->places);
      while (g_hash_table_iter_next (&jt, &x, NULL))
        block_add (blocks, "place", x, FALSE, p);
      g_hash_table_iter_init (&jt, p->dates);
      while (g_hash_table_iter_next (&jt, &x, NULL))
        block_add (blocks, "date", x, TRUE, p);
      g_hash_table_iter_init (&jt, p->durations);
      while (g_hash_table_iter_next (&jt, &x, NULL))
        block_add (blocks, "duration", x, TRUE, p);
    }
  /* Visit blocks in a stable order so equal-score ties resolve the same way. */
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_hash_table_iter_init (&it, blocks);
  while (g_hash_table_iter_next (&it, &k, NULL))
    g_ptr_array_add (keys, k);
  g_ptr_array_sort (keys, str_cmp);

  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint b = 0; b < keys->len; b++)
    {
      GPtrArray *list = g_hash_table_lookup (blocks, g_ptr_array_index (keys, b));
      if (list->len < 2)
        continue;
      g_ptr_array_sort (list, profile_order_cmp);
      for (guint i = 0; i < list->len; i++)
        for (guint j = i + 1; j < list->len && j <= i + BLOCK_WINDOW; j++)
          {
            Profile *a = g_ptr_array_index (list, i), *c = g_ptr_array_index (list, j);
            if (a->order > c->order)
              {
                Profile *t = a;
                a = c;
                c = t;
              }
            char *pk = g_strdup_printf ("%u\t%u", a->order, c->order);
            if (!g_hash_table_add (seen, pk))
              continue;
            int s = score (a, c);
            if (s >= MERGE_AT)
              {
                Pair p = { a, c, s };
                g_array_append_val (pairs, p);
              }
          }
    }
  g_array_sort (pairs, pair_cmp);

  /* Union strongest pairs first; every two members of a cluster must be
   * compatible, so a description never bridges two different texts. */
  g_autoptr (GHashTable) parent = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) clusters = g_hash_table_new_full (NULL, NULL, NULL, cluster_free);
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);
      Profile *ra = find_root (parent, p->a), *rb = find_root (parent, p->b);
      if (ra == rb)
        continue;
      if (rb->order < ra->order)
        {
          Profile *t = ra;
          ra = rb;
          rb = t;
        }
      Cluster *ca = cluster_of (clusters, ra), *cb = cluster_of (clusters, rb);
      if (!clusters_compatible (ca, cb))
        continue;
      cluster_absorb (ca, cb);
      g_hash_table_remove (clusters, rb);
      g_hash_table_insert (parent, rb, ra);
    }

  g_hash_table_iter_init (&it, profiles);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      Profile *root = find_root (parent, v);
      if (root != v)
        g_hash_table_insert (remap, k, root->e);
    }
  return remap;
}
