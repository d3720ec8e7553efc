/* docfacts.c — container for one document's extraction result. */
#include "docfacts.h"

#include <string.h>

static void
local_entity_free (gpointer p)
{
  NkgLocalEntity *e = p;
  g_free (e->name);
  g_ptr_array_unref (e->aliases);
  g_free (e);
}

static void
local_fact_free (gpointer p)
{
  NkgLocalFact *f = p;
  g_free (f->literal);
  g_free (f);
}

static void
local_evidence_free (gpointer p)
{
  NkgLocalEvidence *e = p;
  g_free (e->text);
  g_free (e);
}

static void
local_quote_free (gpointer p)
{
  NkgLocalQuote *q = p;
  g_free (q->text);
  g_free (q);
}

NkgDocFacts *
nkg_doc_facts_new (const char *source)
{
  NkgDocFacts *f = g_new0 (NkgDocFacts, 1);
  f->source = g_strdup (source);
  f->entities = g_ptr_array_new_with_free_func (local_entity_free);
  f->facts = g_ptr_array_new_with_free_func (local_fact_free);
  f->quotes = g_ptr_array_new_with_free_func (local_quote_free);
  f->evidence = g_ptr_array_new_with_free_func (local_evidence_free);
  return f;
}

void
nkg_doc_facts_free (NkgDocFacts *f)
{
  if (!f)
    return;
  g_free (f->source);
  g_free (f->sha256);
  g_free (f->content_key);
  g_free (f->title);
  g_free (f->date);
  g_free (f->url);
  g_free (f->format);
  g_free (f->language);
  g_ptr_array_unref (f->entities);
  g_ptr_array_unref (f->facts);
  g_ptr_array_unref (f->quotes);
  g_ptr_array_unref (f->evidence);
  g_free (f);
}

guint
nkg_doc_facts_add_entity (NkgDocFacts *f, NkgClass klass, const char *name, guint mentions)
{
  for (guint i = 0; i < f->entities->len; i++)
    {
      NkgLocalEntity *e = g_ptr_array_index (f->entities, i);
      if (e->klass == klass && strcmp (e->name, name) == 0)
        {
          e->mentions += mentions;
          return i;
        }
    }
  NkgLocalEntity *e = g_new0 (NkgLocalEntity, 1);
  e->klass = klass;
  e->name = g_strdup (name);
  e->aliases = g_ptr_array_new_with_free_func (g_free);
  e->mentions = mentions;
  e->linkable = TRUE;
  g_ptr_array_add (f->entities, e);
  return f->entities->len - 1;
}

void
nkg_doc_facts_add_alias (NkgDocFacts *f, guint entity, const char *alias)
{
  g_return_if_fail (entity < f->entities->len);
  NkgLocalEntity *e = g_ptr_array_index (f->entities, entity);
  if (!alias || !*alias || strcmp (alias, e->name) == 0)
    return;
  for (guint i = 0; i < e->aliases->len; i++)
    if (strcmp (g_ptr_array_index (e->aliases, i), alias) == 0)
      return;
  g_ptr_array_add (e->aliases, g_strdup (alias));
}

void
nkg_doc_facts_add_fact (NkgDocFacts *f, guint subject, NkgProp prop, gint object,
                        const char *literal, guint sentence, double confidence)
{
  g_return_if_fail (subject < f->entities->len);
  g_return_if_fail ((object >= 0) != (literal != NULL));
  for (guint i = 0; i < f->facts->len; i++)
    {
      NkgLocalFact *x = g_ptr_array_index (f->facts, i);
      if (x->subject == subject && x->prop == prop && x->object == object
          && g_strcmp0 (x->literal, literal) == 0)
        {
          if (confidence > x->confidence)
            {
              x->confidence = confidence;
              x->sentence = sentence;
            }
          return;
        }
    }
  NkgLocalFact *x = g_new0 (NkgLocalFact, 1);
  x->subject = subject;
  x->prop = prop;
  x->object = object;
  x->literal = g_strdup (literal);
  x->sentence = sentence;
  x->evidence = -1;
  x->confidence = confidence;
  g_ptr_array_add (f->facts, x);
}

void
nkg_doc_facts_add_quote (NkgDocFacts *f, guint speaker, const char *text)
{
  g_return_if_fail (speaker < f->entities->len);
  for (guint i = 0; i < f->quotes->len; i++)
    {
      NkgLocalQuote *q = g_ptr_array_index (f->quotes, i);
      if (q->speaker == speaker && strcmp (q->text, text) == 0)
        return;
    }
  NkgLocalQuote *q = g_new0 (NkgLocalQuote, 1);
  q->speaker = speaker;
  q->text = g_strdup (text);
  g_ptr_array_add (f->quotes, q);
}

guint
nkg_doc_facts_add_evidence (NkgDocFacts *f, guint start, guint end, const char *text)
{
  for (guint i = 0; i < f->evidence->len; i++)
    {
      NkgLocalEvidence *e = g_ptr_array_index (f->evidence, i);
      if (e->start == start && e->end == end)
        return i;
    }
  NkgLocalEvidence *e = g_new0 (NkgLocalEvidence, 1);
  e->start = start;
  e->end = end;
  e->text = g_strdup (text);
  g_ptr_array_add (f->evidence, e);
  return f->evidence->len - 1;
}

void
nkg_doc_facts_add_fact_text (NkgDocFacts *f, guint subject, NkgProp prop, gint object,
                             const char *literal, const char *sentence, double confidence)
{
  nkg_doc_facts_add_fact (f, subject, prop, object, literal, 0, confidence);
  NkgLocalFact *x = NULL;
  for (guint i = 0; i < f->facts->len && !x; i++)
    {
      NkgLocalFact *y = g_ptr_array_index (f->facts, i);
      if (y->subject == subject && y->prop == prop && y->object == object
          && g_strcmp0 (y->literal, literal) == 0)
        x = y;
    }
  if (!x || !sentence)
    return;
  guint end = 0;
  for (guint i = 0; i < f->evidence->len; i++)
    {
      NkgLocalEvidence *e = g_ptr_array_index (f->evidence, i);
      if (strcmp (e->text, sentence) == 0)
        {
          x->evidence = (gint) i;
          return;
        }
      end = MAX (end, e->end + 1);
    }
  guint len = (guint) g_utf8_strlen (sentence, -1);
  x->evidence = (gint) nkg_doc_facts_add_evidence (f, end, end + len, sentence);
}
