/* extract.c — one document through every stage (see extract.h). */
#include "extract.h"

#include <string.h>

#include "input/article.h"

#include "batches.h"
#include "coref.h"
#include "chunks.h"
#include "docindex.h"
#include "document.h"
#include "listed.h"
#include "mentions.h"
#include "patterns.h"
#include "quotes.h"
#include "relations.h"
#include "suborg.h"
#include "segment.h"

G_DEFINE_QUARK (nkg-extract-error-quark, nkg_extract_error)

/* A body's name without its state, when `form` is a head of patterns.txt's
 * countrybody and then "of (the) COUNTRY": "the Ministry of Planning of
 * Viet Nam" is "the Ministry of Planning" in the next sentence and in other
 * articles. Newly allocated, or NULL. */
static char *
without_country (const NkgLexicon *lexicon, const char *form)
{
  for (const char *of = strstr (form, " of "); of; of = strstr (of + 1, " of "))
    {
      const char *rest = of + 4;
      if (g_str_has_prefix (rest, "the "))
        rest += 4;
      NkgPlace place;
      if (!nkg_lexicon_place (lexicon, rest, &place) || place.klass != NKG_CLASS_COUNTRY)
        continue;
      g_autofree char *head = g_strndup (form, of - form);
      g_auto (GStrv) words = g_strsplit (head, " ", -1);
      if (g_strv_length (words) < 2 || !g_unichar_isupper (g_utf8_get_char (head)))
        return NULL;
      for (guint w = 0; words[w]; w++)
        {
          g_autofree char *lower = g_utf8_strdown (words[w], -1);
          if (nkg_patterns_in_list ("countrybody", lower))
            return g_steal_pointer (&head);
        }
      return NULL;
    }
  return NULL;
}

/* Copies clusters into the document's entities; returns cluster → entity
 * index (or -1 for clusters with no usable name). */
static GArray *
add_entities (NkgDocFacts *facts, const NkgLexicon *lexicon, GPtrArray *clusters, const GPtrArray *mentions)
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
          if (c->klass == NKG_CLASS_GOV_ORG || c->klass == NKG_CLASS_ORG)
            for (guint s = 0; s < c->surfaces->len; s++)
              {
                g_autofree char *shorter = without_country (lexicon, g_ptr_array_index (c->surfaces, s));
                if (shorter)
                  nkg_doc_facts_add_alias (facts, e, shorter);
              }
          /* "MoU between A and B on X", named "MoU on X": the words as
           * written are a form of its name too */
          for (guint k = 0; k < c->mentions->len; k++)
            {
              const NkgMention *m = g_ptr_array_index (mentions, g_array_index (c->mentions, guint, k));
              if (m->written)
                nkg_doc_facts_add_alias (facts, e, m->written);
            }
        }
      g_array_append_val (index, e);
    }
  return index;
}

/* Whether sentence s says something was signed: a signing verb, and no
 * word that makes it a plan or denies it (words.tsv roles sign, future:
 * "will sign", "not in inking a deal"). */
static gboolean
signed_in (const NkgLexicon *lexicon, const NkgSegments *seg, guint s)
{
  const NkgSentence *x = &g_array_index (seg->sentences, NkgSentence, s);
  gboolean sign = FALSE;
  for (guint i = x->first; i < x->last; i++)
    {
      guint roles = nkg_lexicon_tok_roles (lexicon, nkg_tok (seg, i));
      if (roles & NKG_W_FUTURE)
        return FALSE;
      sign |= (roles & NKG_W_SIGN) != 0;
    }
  return sign;
}

/* Agreements an article only mentions in passing: described, never
 * named, never with "the", not reported as such (coref.h) nor signed in a
 * sentence that mentions them, with no fact at all ("both sides
 * hope for a trade deal"). Its register keeps them apart from the
 * agreements it reports, but they are talk about agreements: dropped,
 * unless the article has no other agreement, then the most mentioned of
 * them stays (it may be what the article is about). */
static void
drop_passing_agreements (NkgDocFacts *facts, const NkgLexicon *lexicon, const NkgSegments *seg,
                         GPtrArray *mentions, GPtrArray *clusters, GArray *entity_of)
{
  guint n = facts->entities->len;
  if (!n)
    return;
  /* batches whose members are named go too, with their facts (batches.c) */
  g_autofree gboolean *batch = nkg_agreement_batches_named (facts, seg, mentions, clusters, entity_of);
  g_autofree gboolean *used = g_new0 (gboolean, n);
  g_autofree gboolean *keep = g_new0 (gboolean, n); /* named or set apart */
  for (guint i = 0; i < facts->facts->len; i++)
    {
      NkgLocalFact *x = g_ptr_array_index (facts->facts, i);
      used[x->subject] = TRUE;
      if (x->object >= 0)
        used[x->object] = TRUE;
    }
  for (guint i = 0; i < facts->quotes->len; i++)
    used[((NkgLocalQuote *) g_ptr_array_index (facts->quotes, i))->speaker] = TRUE;
  for (guint i = 0; i < clusters->len; i++)
    {
      NkgCluster *c = g_ptr_array_index (clusters, i);
      gint e = g_array_index (entity_of, gint, i);
      if (e < 0)
        continue;
      if (c->named || c->reported)
        keep[e] = TRUE;
      /* "the continental agreement" refers to one the article reports;
       * "they signed a memorandum" reports one, signers unknown */
      for (guint k = 0; k < c->mentions->len && !keep[e] && c->klass == NKG_CLASS_AGREEMENT; k++)
        {
          const NkgMention *m = g_ptr_array_index (mentions, g_array_index (c->mentions, guint, k));
          keep[e] = m->definite || signed_in (lexicon, seg, m->sentence);
        }
    }
  g_autofree gboolean *drop = g_new0 (gboolean, n);
  gboolean other = FALSE, any = FALSE;
  gint most = -1;
  for (guint e = 0; e < n; e++)
    {
      NkgLocalEntity *ent = g_ptr_array_index (facts->entities, e);
      if (ent->klass != NKG_CLASS_AGREEMENT)
        continue;
      if (batch[e])
        drop[e] = TRUE;
      else if (used[e] || keep[e])
        other = TRUE;
      else
        {
          drop[e] = any = TRUE;
          if (most < 0 || ent->mentions > ((NkgLocalEntity *) g_ptr_array_index (facts->entities, most))->mentions)
            most = e;
        }
    }
  if (!other && most >= 0)
    drop[most] = FALSE;
  any = FALSE;
  for (guint e = 0; e < n; e++)
    any |= drop[e];
  if (!any)
    return;
  nkg_doc_facts_remove_entities (facts, drop);
  g_autofree gint *to = g_new (gint, n);
  for (guint e = 0, k = 0; e < n; e++)
    to[e] = drop[e] ? -1 : (gint) k++;
  for (guint i = 0; i < entity_of->len; i++)
    {
      gint *e = &g_array_index (entity_of, gint, i);
      if (*e >= 0)
        *e = to[*e];
    }
}

/* Code-point offsets of byte offsets into one text, for byte offsets in
 * any order, without rescanning from the start each time: a checkpoint
 * every 256 bytes. */
typedef struct {
  const char *text;
  gsize len;
  GArray *marks; /* guint: code points before byte i * 256 */
} CharIndex;

/* How many of the n bytes at p start a character (are no UTF-8
 * continuation byte, 10xxxxxx): eight at a time, a continuation byte
 * being one whose top bit is set and the next one clear. */
static guint
count_lead_bytes (const char *p, gsize n)
{
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080), ones = G_GUINT64_CONSTANT (0x0101010101010101);
  guint count = 0;
  gsize i = 0;
  for (; i + 8 <= n; i += 8)
    {
      guint64 v;
      memcpy (&v, p + i, sizeof v);
      guint64 cont = v & ~(v << 1) & highs;
      count += 8 - (guint) (((cont >> 7) * ones) >> 56);
    }
  for (; i < n; i++)
    count += ((guchar) p[i] & 0xC0) != 0x80;
  return count;
}

static void
char_index_init (CharIndex *ix, const char *text, gsize len)
{
  ix->text = text;
  ix->len = len;
  ix->marks = g_array_sized_new (FALSE, FALSE, sizeof (guint), len / 256 + 1);
  guint count = 0;
  for (gsize b = 0; b <= len; b += 256)
    {
      g_array_append_val (ix->marks, count);
      count += count_lead_bytes (text + b, MIN (256, len - b));
    }
}

static guint
char_index_at (const CharIndex *ix, gsize byte)
{
  gsize block = byte / 256, start = block * 256, end = MIN (byte, ix->len);
  return g_array_index (ix->marks, guint, block) + (end > start ? count_lead_bytes (ix->text + start, end - start) : 0);
}

/* Ties each fact to its sentence as the article reads: the sentence's
 * span in the clean text mapped back to the article text, in code points. */
static void
attach_evidence (NkgDocFacts *facts, const NkgArticle *article, const NkgDocument *doc,
                 const NkgSegments *seg)
{
  CharIndex ix;
  char_index_init (&ix, article->text, article->len);
  g_autoptr (GHashTable) by_sentence = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < facts->facts->len; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (facts->facts, i);
      f->evidence = -1;
      if (f->sentence >= seg->sentences->len)
        continue;
      gpointer have;
      if (g_hash_table_lookup_extended (by_sentence, GUINT_TO_POINTER (f->sentence), NULL, &have))
        {
          f->evidence = GPOINTER_TO_INT (have);
          continue;
        }
      const NkgSentence *s = &g_array_index (seg->sentences, NkgSentence, f->sentence);
      gsize a, b;
      gint ev = -1;
      if (nkg_document_source_span (doc, s->start, s->end, &a, &b))
        {
          g_autofree char *text = g_strndup (article->text + a, b - a);
          ev = (gint) nkg_doc_facts_add_evidence (facts, char_index_at (&ix, a), char_index_at (&ix, b),
                                                  text);
        }
      g_hash_table_insert (by_sentence, GUINT_TO_POINTER (f->sentence), GINT_TO_POINTER (ev));
      f->evidence = ev;
    }
  g_array_unref (ix.marks);
}

NkgDocFacts *
nkg_extract_article (const NkgLexicon *lexicon, const NkgArticle *article, GError **error)
{
  g_return_val_if_fail (lexicon != NULL, NULL);
  g_return_val_if_fail (article != NULL && article->text != NULL, NULL);
  g_autoptr (NkgDocument) doc = nkg_document_new (article->text, article->len, error);
  if (!doc)
    return NULL;
  g_autoptr (NkgDocFacts) facts = nkg_doc_facts_new (article->source);
  facts->sha256 = nkg_article_sha256 (article);
  facts->content_key = g_strdup (article->content_key);
  /* What the source says about itself beats what the text suggests. */
  facts->title = g_strdup (article->title ? article->title : doc->title);
  facts->date = g_strdup (article->date ? article->date : doc->date);
  facts->url = g_strdup (article->url);
  facts->format = g_strdup (article->format);
  facts->language = g_strdup (article->language);

  g_autoptr (NkgSegments) seg = nkg_segment (doc->text);
  if (seg->cut_sentences)
    nkg_doc_facts_warn (facts, "%u sentence%s longer than the rules read were cut into pieces",
                        seg->cut_sentences, seg->cut_sentences == 1 ? "" : "s");
  g_autoptr (GPtrArray) mentions = nkg_mentions_find (lexicon, seg);
  nkg_listed_agreements (lexicon, seg, mentions);
  g_autoptr (GPtrArray) clusters = nkg_coref_resolve (lexicon, seg, mentions, facts->warnings);
  g_autoptr (GArray) entity_of = add_entities (facts, lexicon, clusters, mentions);

  g_autoptr (NkgMentionIndex) index = nkg_mention_index_new (seg, mentions, entity_of);
  g_autoptr (NkgTags) tags = nkg_tags_new (seg);
  g_autoptr (NkgChunks) chunks = nkg_chunks_new (seg, tags, mentions);
  NkgRelationInput in = { lexicon, seg, mentions, clusters, entity_of, facts->date, index, chunks, tags };
  nkg_relations_extract (&in, facts);
  nkg_suborg_extract (&in, facts);
  nkg_quotes_extract (&in, facts);
  drop_passing_agreements (facts, lexicon, seg, mentions, clusters, entity_of);
  attach_evidence (facts, article, doc, seg);
  return g_steal_pointer (&facts);
}

NkgDocFacts *
nkg_extract_document (const NkgLexicon *lexicon, const char *source, const char *bytes,
                      gsize len, GError **error)
{
  g_autoptr (NkgArticle) article
      = nkg_article_new_from_text (source, bytes ? bytes : "", bytes ? len : 0, error);
  if (!article)
    return NULL;
  return nkg_extract_article (lexicon, article, error);
}
