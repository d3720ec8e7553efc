/* docindex.c — mention lookups by sentence, token and entity (see docindex.h). */
#include "docindex.h"

/* The lists by token and by entity are built counted, in one block each
 * (counts, then offsets, then the indices), and handed out as read-only
 * GArray views into it: a GArray per list was two allocations each, a
 * hundred thousand times a corpus. A view is never passed to a g_array_
 * function that changes or frees it (the header hands out const GArray). */
typedef struct {
  guint *ids;    /* the indices, list after list */
  GArray *views; /* GArray structs by key: data into ids, len; len 0 for none */
  guint n;       /* keys */
} Lists;

struct NkgMentionIndex {
  GPtrArray *mentions; /* borrowed */
  GArray *sent_first;  /* guint: sentence → first mention index; one more entry past the end */
  Lists ending;        /* by token: mentions ending right before it */
  Lists of_entity;     /* by entity: its mentions */
};

/* Lists over `n` keys, for `total` entries, sized from the counts in
 * `count` (one per key): each view starts empty at its place in ids. */
static void
lists_init (Lists *l, guint n, const guint *count, guint total)
{
  l->n = n;
  l->ids = g_new (guint, MAX (total, 1));
  l->views = g_array_sized_new (FALSE, TRUE, sizeof (GArray), n);
  g_array_set_size (l->views, n);
  guint at = 0;
  for (guint k = 0; k < n; k++)
    {
      GArray *v = &g_array_index (l->views, GArray, k);
      v->data = (gchar *) (l->ids + at);
      v->len = 0;
      at += count[k];
    }
}

static void
lists_add (Lists *l, guint key, guint value)
{
  GArray *v = &g_array_index (l->views, GArray, key);
  ((guint *) v->data)[v->len++] = value;
}

static const GArray *
lists_get (const Lists *l, guint key)
{
  if (key >= l->n)
    return NULL;
  const GArray *v = &g_array_index (l->views, GArray, key);
  return v->len ? v : NULL;
}

static void
lists_clear (Lists *l)
{
  g_free (l->ids);
  g_array_unref (l->views);
}

static gint
entity_of_mention (const NkgMention *m, GArray *entity_of)
{
  return m->cluster >= 0 && entity_of && (guint) m->cluster < entity_of->len ? g_array_index (entity_of, gint, m->cluster) : -1;
}

NkgMentionIndex *
nkg_mention_index_new (const NkgSegments *seg, GPtrArray *mentions, GArray *entity_of)
{
  NkgMentionIndex *ix = g_new0 (NkgMentionIndex, 1);
  ix->mentions = g_ptr_array_ref (mentions);
  ix->sent_first = g_array_sized_new (FALSE, FALSE, sizeof (guint), seg->sentences->len + 1);
  guint tokens = seg->tokens->len + 1, entities = 0, with_entity = 0;
  for (guint i = 0; i < mentions->len; i++)
    {
      const NkgMention *m = g_ptr_array_index (mentions, i);
      tokens = MAX (tokens, m->last + 1);
      gint e = entity_of_mention (m, entity_of);
      if (e >= 0)
        {
          entities = MAX (entities, (guint) e + 1);
          with_entity++;
        }
    }
  g_autofree guint *by_token = g_new0 (guint, tokens);
  g_autofree guint *by_entity = g_new0 (guint, MAX (entities, 1));
  for (guint i = 0; i < mentions->len; i++)
    {
      const NkgMention *m = g_ptr_array_index (mentions, i);
      by_token[m->last]++;
      gint e = entity_of_mention (m, entity_of);
      if (e >= 0)
        by_entity[e]++;
    }
  lists_init (&ix->ending, tokens, by_token, mentions->len);
  lists_init (&ix->of_entity, entities, by_entity, with_entity);
  guint s = 0;
  for (guint i = 0; i < mentions->len; i++)
    {
      const NkgMention *m = g_ptr_array_index (mentions, i);
      for (; s <= m->sentence; s++)
        g_array_append_val (ix->sent_first, i);
      lists_add (&ix->ending, m->last, i);
      gint e = entity_of_mention (m, entity_of);
      if (e >= 0)
        lists_add (&ix->of_entity, e, i);
    }
  for (; s <= seg->sentences->len; s++)
    g_array_append_val (ix->sent_first, mentions->len);
  return ix;
}

void
nkg_mention_index_free (NkgMentionIndex *ix)
{
  if (!ix)
    return;
  g_ptr_array_unref (ix->mentions);
  g_array_unref (ix->sent_first);
  lists_clear (&ix->ending);
  lists_clear (&ix->of_entity);
  g_free (ix);
}

void
nkg_mention_index_sentence (const NkgMentionIndex *ix, guint s, guint *from, guint *to)
{
  if (s + 1 >= ix->sent_first->len)
    {
      *from = *to = ix->mentions->len;
      return;
    }
  *from = g_array_index (ix->sent_first, guint, s);
  *to = g_array_index (ix->sent_first, guint, s + 1);
}

guint
nkg_mention_index_from_token (const NkgMentionIndex *ix, guint t)
{
  guint lo = 0, hi = ix->mentions->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (((NkgMention *) g_ptr_array_index (ix->mentions, mid))->first < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

const GArray *
nkg_mention_index_ending_at (const NkgMentionIndex *ix, guint t)
{
  return lists_get (&ix->ending, t);
}

const GArray *
nkg_mention_index_of_entity (const NkgMentionIndex *ix, gint e)
{
  return e < 0 ? NULL : lists_get (&ix->of_entity, (guint) e);
}
