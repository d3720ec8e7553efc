/* Shared helpers for the extract tests: run one string through the
 * extractor and ask about its entities, facts and quotes. */
#pragma once

#include <string.h>

#include "extract/extract.h"

static NkgLexicon *test_lexicon;

static NkgDocFacts *
extract_string (const char *text)
{
  g_autoptr (GError) error = NULL;
  NkgDocFacts *f = nkg_extract_document (test_lexicon, "test.txt", text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (f);
  return f;
}

/* Index of the entity named `name` (canonical or alias), or -1. */
static G_GNUC_UNUSED gint
entity_named (NkgDocFacts *f, const char *name)
{
  for (guint i = 0; i < f->entities->len; i++)
    {
      NkgLocalEntity *e = g_ptr_array_index (f->entities, i);
      if (strcmp (e->name, name) == 0)
        return i;
      for (guint k = 0; k < e->aliases->len; k++)
        if (strcmp (g_ptr_array_index (e->aliases, k), name) == 0)
          return i;
    }
  return -1;
}

static G_GNUC_UNUSED NkgClass
class_of (NkgDocFacts *f, const char *name)
{
  gint i = entity_named (f, name);
  return i < 0 ? NKG_CLASS_NONE : ((NkgLocalEntity *) g_ptr_array_index (f->entities, i))->klass;
}

static G_GNUC_UNUSED gboolean
has_fact (NkgDocFacts *f, const char *subject, NkgProp prop, const char *object)
{
  gint s = entity_named (f, subject);
  for (guint i = 0; s >= 0 && i < f->facts->len; i++)
    {
      NkgLocalFact *x = g_ptr_array_index (f->facts, i);
      if (x->prop != prop)
        continue;
      gboolean subj = (gint) x->subject == s;
      const char *o = x->literal;
      gint oi = x->object;
      if (x->literal && subj && strcmp (o, object) == 0)
        return TRUE;
      if (!x->literal && subj && oi == entity_named (f, object))
        return TRUE;
      /* met is symmetric */
      if (prop == NKG_PROP_MET && !x->literal && oi == s && (gint) x->subject == entity_named (f, object))
        return TRUE;
    }
  return FALSE;
}

/* "Chile | signed | fisheries accord" → whether f has it: the form of the
 * example facts in patterns.txt and tests/data/agreements. */
static G_GNUC_UNUSED gboolean
has_fact_text (NkgDocFacts *f, const char *text)
{
  g_auto (GStrv) part = g_strsplit (text, "|", 3);
  g_assert_cmpuint (g_strv_length (part), ==, 3);
  NkgProp prop = nkg_prop_from_key (g_strstrip (part[1]));
  g_assert_cmpint (prop, !=, NKG_PROP_NONE);
  return has_fact (f, g_strstrip (part[0]), prop, g_strstrip (part[2]));
}

static G_GNUC_UNUSED guint
count_facts (NkgDocFacts *f, NkgProp prop)
{
  guint n = 0;
  for (guint i = 0; i < f->facts->len; i++)
    n += ((NkgLocalFact *) g_ptr_array_index (f->facts, i))->prop == prop;
  return n;
}

static G_GNUC_UNUSED gboolean
has_quote (NkgDocFacts *f, const char *speaker, const char *fragment)
{
  gint s = entity_named (f, speaker);
  for (guint i = 0; s >= 0 && i < f->quotes->len; i++)
    {
      NkgLocalQuote *q = g_ptr_array_index (f->quotes, i);
      if ((gint) q->speaker == s && strstr (q->text, fragment))
        return TRUE;
    }
  return FALSE;
}

static G_GNUC_UNUSED void
setup_lexicon (void)
{
  g_autoptr (GError) error = NULL;
  test_lexicon = nkg_lexicon_new (&error);
  g_assert_no_error (error);
}
