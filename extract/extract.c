/* extract.c — one document through every stage (see extract.h). */
#include "extract.h"

#include "coref.h"
#include "document.h"
#include "mentions.h"
#include "quotes.h"
#include "relations.h"
#include "suborg.h"
#include "segment.h"

G_DEFINE_QUARK (nkg-extract-error-quark, nkg_extract_error)

/* Copies clusters into the document's entities; returns cluster → entity
 * index (or -1 for clusters with no usable name). */
static GArray *
add_entities (NkgDocFacts *facts, GPtrArray *clusters)
{
  GArray *index = g_array_sized_new (FALSE, FALSE, sizeof (gint), clusters->len);
  for (guint i = 0; i < clusters->len; i++)
    {
      NkgCluster *c = g_ptr_array_index (clusters, i);
      gint e = -1;
      if (c->name && *c->name && c->mentions->len)
        {
          e = nkg_doc_facts_add_entity (facts, c->klass, c->name, c->mentions->len);
          NkgLocalEntity *ent = g_ptr_array_index (facts->entities, e);
          ent->linkable = c->named;
          for (guint s = 0; s < c->surfaces->len; s++)
            nkg_doc_facts_add_alias (facts, e, g_ptr_array_index (c->surfaces, s));
        }
      g_array_append_val (index, e);
    }
  return index;
}

NkgDocFacts *
nkg_extract_document (const NkgLexicon *lexicon, const char *source, const char *bytes,
                      gsize len, GError **error)
{
  g_return_val_if_fail (lexicon != NULL, NULL);
  g_return_val_if_fail (bytes != NULL || len == 0, NULL);
  g_autoptr (NkgDocument) doc = nkg_document_new (bytes ? bytes : "", len, error);
  if (!doc)
    return NULL;
  g_autoptr (NkgDocFacts) facts = nkg_doc_facts_new (source);
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sum, (const guchar *) (bytes ? bytes : ""), len);
  facts->sha256 = g_strdup (g_checksum_get_string (sum));
  facts->title = g_strdup (doc->title);
  facts->date = g_strdup (doc->date);

  g_autoptr (NkgSegments) seg = nkg_segment (doc->text);
  g_autoptr (GPtrArray) mentions = nkg_mentions_find (lexicon, seg);
  g_autoptr (GPtrArray) clusters = nkg_coref_resolve (lexicon, seg, mentions);
  g_autoptr (GArray) entity_of = add_entities (facts, clusters);

  NkgRelationInput in = { lexicon, seg, mentions, clusters, entity_of, doc->date };
  nkg_relations_extract (&in, facts);
  nkg_suborg_extract (&in, facts);
  nkg_quotes_extract (&in, facts);
  return g_steal_pointer (&facts);
}
