/* Unit tests for the cues the per-sentence rules of relations*.c test
 * first, to pass over sentences (or articles) that cannot give them a
 * fact: a text with the cue reaches the rule, one without it does not
 * need to. */
#include "test-extract-helpers.h"

#include "extract/relations-private.h"

static void
test_events_cue (void)
{
  /* No event entity: the events rule has nothing to state. */
  g_autoptr (NkgDocFacts) none = extract_string (" date 2024-03-12\nPrime Minister Anna Berg met President Tomas Vidal "
                                                 "in Oslo on Monday to discuss fishing quotas.");
  g_assert_false (nkg_rel_classes_of (none) & (1u << NKG_CLASS_EVENT));
  /* A named event: the rule runs and places it. */
  g_autoptr (NkgDocFacts) one = extract_string (" date 2024-03-12\nPrime Minister Anna Berg attended the Nordic "
                                                "Fisheries Summit in Oslo on Monday.");
  g_assert_cmpint (class_of (one, "Nordic Fisheries Summit"), ==, NKG_CLASS_EVENT);
  g_assert_true (nkg_rel_classes_of (one) & (1u << NKG_CLASS_EVENT));
  g_assert_true (has_fact (one, "Nordic Fisheries Summit", NKG_PROP_LOCATION, "Oslo"));
  /* "The summit, …": a bare head word for the article's event, in a
   * sentence that names none of its own */
  g_autoptr (NkgDocFacts) bare = extract_string (" date 2024-03-12\nPrime Minister Anna Berg attended the Nordic "
                                                 "Fisheries Summit on Monday. The two-day summit was held in Bergen.");
  g_assert_true (has_fact (bare, "Nordic Fisheries Summit", NKG_PROP_LOCATION, "Bergen"));
  /* attended_event_before: the event named just before, then the words */
  g_autoptr (NkgDocFacts) after = extract_string (" date 2024-03-12\nThe Nordic Fisheries Summit opened in Bergen on "
                                                  "Monday. Those attending included Prime Minister Anna Berg.");
  g_assert_true (has_fact (after, "Anna Berg", NKG_PROP_ATTENDED, "Nordic Fisheries Summit"));
  /* (not when the sentence before names none) */
  g_autoptr (NkgDocFacts) gap = extract_string (" date 2024-03-12\nThe Nordic Fisheries Summit opened in Bergen on "
                                                "Monday. Rain fell all day. Snow fell all night. Hail fell at dawn. "
                                                "Those attending included Prime Minister Anna Berg.");
  g_assert_false (has_fact (gap, "Anna Berg", NKG_PROP_ATTENDED, "Nordic Fisheries Summit"));
}

/* nkg_rel_meeting_words of a text read as one sentence */
static gboolean
meeting_words (const char *text)
{
  g_autoptr (NkgSegments) seg = nkg_segment (text);
  NkgRelationInput in = { 0 };
  in.seg = seg;
  Ctx c = { 0 };
  c.in = &in;
  c.last = seg->tokens->len;
  return nkg_rel_meeting_words (&c);
}

static void
test_meeting_cue (void)
{
  /* The words besides the roles of meeting and signing a meeting needs. */
  g_assert_true (meeting_words ("She hosted her counterpart on Friday."));
  g_assert_true (meeting_words ("He called on the prime minister."));
  g_assert_true (meeting_words ("She paid a courtesy call on the king."));
  g_assert_true (meeting_words ("The talks were co-chaired by both envoys."));
  g_assert_true (meeting_words ("They had lunch with the mayor."));
  g_assert_false (meeting_words ("They had lunch in the old town."));
  g_assert_false (meeting_words ("The minister spoke to farmers about rain."));
  /* and each reaches the rule: "called on" the one word of a meeting */
  g_autoptr (NkgDocFacts) f = extract_string (" date 2024-03-12\nForeign Minister Anna Berg called on President Tomas "
                                              "Vidal in Oslo on Monday.");
  g_assert_true (has_fact (f, "Anna Berg", NKG_PROP_MET, "Tomas Vidal") || has_fact (f, "Tomas Vidal", NKG_PROP_MET, "Anna Berg"));
  g_autoptr (NkgDocFacts) g = extract_string (" date 2024-03-12\nForeign Minister Anna Berg had dinner with President "
                                              "Tomas Vidal in Oslo on Monday.");
  g_assert_true (has_fact (g, "Anna Berg", NKG_PROP_MET, "Tomas Vidal") || has_fact (g, "Tomas Vidal", NKG_PROP_MET, "Anna Berg"));
}

/* nkg_rel_signing_cue of a text read as one sentence, its roles as
 * nkg_relations_extract finds them */
static gboolean
signing_cue (const char *text)
{
  g_autoptr (NkgSegments) seg = nkg_segment (text);
  NkgRelationInput in = { 0 };
  in.seg = seg;
  guint roles = 0;
  for (guint i = 0; i < seg->tokens->len; i++)
    roles |= nkg_lexicon_tok_roles (test_lexicon, nkg_tok (seg, i));
  Ctx c = { 0 };
  c.in = &in;
  c.last = seg->tokens->len;
  c.roles_of = &roles;
  return nkg_rel_signing_cue (&c);
}

static void
test_signing_cue (void)
{
  g_assert_true (signing_cue ("The two ministers signed a fisheries accord."));
  g_assert_true (signing_cue ("Both sides put pen to paper on a fisheries accord."));
  g_assert_true (signing_cue ("The envoys affixed their signatures to the accord."));
  g_assert_false (signing_cue ("The two ministers discussed fishing quotas."));
  /* the idiom alone reaches the rule */
  g_autoptr (NkgDocFacts) f = extract_string ("Norway and Iceland put pen to paper on a fisheries deal in Bergen.");
  g_assert_true (has_fact (f, "Norway", NKG_PROP_SIGNED, "fisheries deal"));
  g_assert_true (has_fact (f, "fisheries deal", NKG_PROP_SIGNED_IN, "Bergen"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setup_lexicon ();
  g_test_add_func ("/extract/gates/events", test_events_cue);
  g_test_add_func ("/extract/gates/meeting", test_meeting_cue);
  g_test_add_func ("/extract/gates/signing", test_signing_cue);
  int rc = g_test_run ();
  nkg_lexicon_free (test_lexicon);
  return rc;
}
