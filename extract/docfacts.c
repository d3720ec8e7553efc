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
  g_free (f->sentence);
  g_free (f);
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
  return f;
}

void
nkg_doc_facts_free (NkgDocFacts *f)
{
  if (!f)
    return;
  g_free (f->source);
  g_free (f->sha256);
  g_free (f->title);
  g_free (f->date);
  g_ptr_array_unref (f->entities);
  g_ptr_array_unref (f->facts);
  g_ptr_array_unref (f->quotes);
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
                        const char *literal, const char *sentence, double confidence)
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
              g_free (x->sentence);
              x->sentence = g_strdup (sentence);
            }
          return;
        }
    }
  NkgLocalFact *x = g_new0 (NkgLocalFact, 1);
  x->subject = subject;
  x->prop = prop;
  x->object = object;
  x->literal = g_strdup (literal);
  x->sentence = g_strdup (sentence);
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
