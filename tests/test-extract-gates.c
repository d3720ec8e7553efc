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
  g_assert_false (nkg_rel_names_event (none));
  /* A named event: the rule runs and places it. */
  g_autoptr (NkgDocFacts) one = extract_string (" date 2024-03-12\nPrime Minister Anna Berg attended the Nordic "
                                                "Fisheries Summit in Oslo on Monday.");
  g_assert_cmpint (class_of (one, "Nordic Fisheries Summit"), ==, NKG_CLASS_EVENT);
  g_assert_true (nkg_rel_names_event (one));
  g_assert_true (has_fact (one, "Nordic Fisheries Summit", NKG_PROP_LOCATION, "Oslo"));
  /* "The summit, …": a bare head word for the article's event, in a
   * sentence that names none of its own */
  g_autoptr (NkgDocFacts) bare = extract_string (" date 2024-03-12\nPrime Minister Anna Berg attended the Nordic "
                                                 "Fisheries Summit on Monday. The two-day summit was held in Bergen.");
  g_assert_true (has_fact (bare, "Nordic Fisheries Summit", NKG_PROP_LOCATION, "Bergen"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setup_lexicon ();
  g_test_add_func ("/extract/gates/events", test_events_cue);
  int rc = g_test_run ();
  nkg_lexicon_free (test_lexicon);
  return rc;
}
