/* batches.c — a batch of agreements whose members the article names.
 *
 * "The meeting was followed by the signing of two agreements between
 * India and the UK. A MoU was signed on cadet exchanges and a Letter of
 * Arrangement on defence research"; "GCC leaders signed two documents,
 * the AlUla Declaration and a final communiqué"; "The following Memoranda
 * of Understanding were signed: 1. …": the batch is how the article counts
 * what was signed, and its members, all named, are the agreements (an
 * unnamed batch is an agreement of its own, "two MoUs", eval/GOLD.md, and
 * so is one of which only some are named: "15 agreements and documents").
 * A batch is a cluster every mention of which has a plural head
 * (patterns.txt pluralagreement). Its members are the other agreements
 * named after it in its sentence or in the two sentences that follow; they
 * are all of it when they are as many as it counts ("two agreements"), or
 * when it opens a list (patterns.txt listintro: "the following MoUs"). */
#include "batches.h"

#include <stdlib.h>
#include <string.h>

#include "coref.h"
#include "mentions.h"
#include "patterns.h"
#include "relations-private.h"

/* Whether mention m has a plural agreement head before what it is about:
 * "two agreements", "Memoranda of Understanding", "these documents". */
static gboolean
plural_head (const NkgSegments *seg, const NkgMention *m)
{
  for (guint i = m->first; i < m->last; i++)
    {
      const NkgToken *t = nkg_tok (seg, i);
      if (strcmp (t->lower, "of") == 0 || strcmp (t->lower, "on") == 0 || strcmp (t->lower, "between") == 0)
        return FALSE;
      if (NKG_TOK_IN_LIST ("pluralagreement", t))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_batch (const NkgSegments *seg, const GPtrArray *mentions, const NkgCluster *c)
{
  if (c->klass != NKG_CLASS_AGREEMENT || !c->mentions->len)
    return FALSE;
  for (guint k = 0; k < c->mentions->len; k++)
    if (!plural_head (seg, g_ptr_array_index (mentions, g_array_index (c->mentions, guint, k))))
      return FALSE;
  return TRUE;
}

/* How many agreements batch mention m counts ("two agreements", "15
 * MoUs"), G_MAXUINT when it opens a list ("the following MoUs"), or 0. */
static guint
batch_count (const NkgSegments *seg, const NkgMention *m)
{
  const NkgToken *t = nkg_tok (seg, m->first);
  if (m->first > 0 && NKG_TOK_IN_LIST ("listintro", nkg_tok (seg, m->first - 1)))
    return G_MAXUINT;
  if ((t->flags & NKG_TOK_NUM) && strlen (t->text) < 3)
    return (guint) atoi (t->text);
  return nkg_rel_number_word (t->lower);
}

/* The number of other clusters than `ci`, agreements and no batches,
 * named after mention m in its sentence or in the two sentences after
 * it. */
static guint
members_after (const GPtrArray *mentions, const GPtrArray *clusters, const gboolean *batch, const NkgMention *m,
               guint ci)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < mentions->len; i++)
    {
      const NkgMention *o = g_ptr_array_index (mentions, i);
      if (o->sentence > m->sentence + 2)
        break;
      if (o->cluster < 0 || (guint) o->cluster == ci || batch[o->cluster] || o->sentence < m->sentence
          || (o->sentence == m->sentence && o->first < m->last))
        continue;
      if (((const NkgCluster *) g_ptr_array_index (clusters, o->cluster))->klass == NKG_CLASS_AGREEMENT)
        g_hash_table_add (seen, GINT_TO_POINTER (o->cluster + 1));
    }
  return g_hash_table_size (seen);
}

gboolean *
nkg_agreement_batches_named (NkgDocFacts *facts, const NkgSegments *seg, const GPtrArray *mentions,
                             const GPtrArray *clusters, const GArray *entity_of)
{
  gboolean *named = g_new0 (gboolean, facts->entities->len + 1);
  g_autofree gboolean *batch = g_new0 (gboolean, clusters->len + 1);
  gboolean any = FALSE;
  for (guint ci = 0; ci < clusters->len; ci++)
    any |= batch[ci] = g_array_index (entity_of, gint, ci) >= 0
                       && is_batch (seg, mentions, g_ptr_array_index (clusters, ci));
  if (!any)
    return named;
  gboolean found = FALSE;
  for (guint ci = 0; ci < clusters->len; ci++)
    {
      if (!batch[ci])
        continue;
      const NkgCluster *c = g_ptr_array_index (clusters, ci);
      gboolean members = FALSE;
      for (guint k = 0; k < c->mentions->len && !members; k++)
        {
          const NkgMention *m = g_ptr_array_index (mentions, g_array_index (c->mentions, guint, k));
          guint count = batch_count (seg, m), named = count ? members_after (mentions, clusters, batch, m, ci) : 0;
          members = named && (count == G_MAXUINT || named == count);
        }
      if (members)
        found = named[g_array_index (entity_of, gint, ci)] = TRUE;
    }
  if (!found)
    return named;
  g_autofree gboolean *gone = g_new0 (gboolean, facts->facts->len + 1);
  for (guint i = 0; i < facts->facts->len; i++)
    {
      const NkgLocalFact *x = g_ptr_array_index (facts->facts, i);
      gone[i] = named[x->subject] || (x->object >= 0 && named[x->object]);
    }
  nkg_doc_facts_remove_facts (facts, gone);
  return named;
}
