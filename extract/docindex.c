/* docindex.c — mention lookups by sentence, token and entity (see docindex.h). */
#include "docindex.h"

struct NkgMentionIndex {
  GPtrArray *mentions; /* borrowed */
  GArray *sent_first;  /* guint: sentence → first mention index; one more entry past the end */
  GPtrArray *ending;   /* token → GArray of mention indices, or NULL (by position:
                        * every token can end one, a hash table only cost more) */
  GPtrArray *of_entity; /* entity → GArray of mention indices, or NULL */
};

static void
unref0 (gpointer p)
{
  if (p)
    g_array_unref (p);
}

static GArray *
list_in (GPtrArray *t, guint key)
{
  if (key >= t->len)
    g_ptr_array_set_size (t, key + 1);
  GArray *l = g_ptr_array_index (t, key);
  if (!l)
    g_ptr_array_index (t, key) = l = g_array_new (FALSE, FALSE, sizeof (guint));
  return l;
}

NkgMentionIndex *
nkg_mention_index_new (const NkgSegments *seg, GPtrArray *mentions, GArray *entity_of)
{
  NkgMentionIndex *ix = g_new0 (NkgMentionIndex, 1);
  ix->mentions = g_ptr_array_ref (mentions);
  ix->sent_first = g_array_new (FALSE, FALSE, sizeof (guint));
  ix->ending = g_ptr_array_new_full (seg->tokens->len + 1, unref0);
  ix->of_entity = g_ptr_array_new_with_free_func (unref0);
  guint s = 0;
  for (guint i = 0; i < mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (mentions, i);
      for (; s <= m->sentence; s++)
        g_array_append_val (ix->sent_first, i);
      g_array_append_val (list_in (ix->ending, m->last), i);
      gint e = m->cluster >= 0 && entity_of && (guint) m->cluster < entity_of->len
                   ? g_array_index (entity_of, gint, m->cluster)
                   : -1;
      if (e < 0)
        continue;
      if ((guint) e >= ix->of_entity->len)
        g_ptr_array_set_size (ix->of_entity, e + 1);
      GArray *l = g_ptr_array_index (ix->of_entity, e);
      if (!l)
        g_ptr_array_index (ix->of_entity, e) = l = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (l, i);
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
  g_ptr_array_unref (ix->ending);
  g_ptr_array_unref (ix->of_entity);
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
  return t < ix->ending->len ? g_ptr_array_index (ix->ending, t) : NULL;
}

const GArray *
nkg_mention_index_of_entity (const NkgMentionIndex *ix, gint e)
{
  if (e < 0 || (guint) e >= ix->of_entity->len)
    return NULL;
  return g_ptr_array_index (ix->of_entity, e);
}
