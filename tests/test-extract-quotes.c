/* Unit tests for quotation attribution (extract/quotes.c). */
#include "test-extract-helpers.h"

static void
test_said_forms (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chilean President Tomas Reyes met Peruvian President Julio Paredes.\n"
    "“We are realising the dream of drawing nearer,” said Chile trade minister Ana Lucia Ferreira.\n"
    "Paredes said: \"This is a landmark moment for all of us.\"\n"
    "“Clearly this worries all of us,” he added.\n");
  g_assert_true (has_quote (f, "Ana Lucia Ferreira", "realising the dream"));
  g_assert_true (has_quote (f, "Julio Paredes", "landmark moment"));
  g_assert_true (has_quote (f, "Julio Paredes", "Clearly this worries"));
}

static void
test_quote_after_reported_speech (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "In her closing remarks, Chilean President Ana Rojas stated that this was a proud day for the region.\n\n"
    "“Today we have shown how much two neighbours can do together,” the statement went on.\n\n"
    "Peru's Trade Minister Luis Vargas was not there.\n\n"
    "“Nothing here has been decided by anyone yet.”\n");
  g_assert_true (has_quote (f, "Ana Rojas", "how much two neighbours can do"));
  /* the sentence before reports no one's speech */
  g_assert_false (has_quote (f, "Luis Vargas", "Nothing here has been decided"));
}

static void
test_single_quotation_marks (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "'I am certain that this day will be remembered,' Chilean President Ana Rojas said in Lima. "
    "Peru's minister called the ministers' talks 'useful', and the '90s are over.\n");
  g_assert_true (has_quote (f, "Ana Rojas", "certain that this day will be remembered"));
  g_assert_cmpuint (f->quotes->len, ==, 1);
}

static void
test_according_to (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "According to Chilean Foreign Minister Ana Rojas, \"the talks were very useful for both of our nations.\"\n");
  g_assert_true (has_quote (f, "Ana Rojas", "talks were very useful"));
}

static void
test_multi_sentence_quote (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("“We are ready. Our bond has never been closer,” Trade Minister Elena Vargas wrote.");
  g_assert_true (has_quote (f, "Elena Vargas", "Our bond has never been closer"));
}

static void
test_unnamed_speaker_and_scare_quotes (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Chilean President Ana Rojas was there. \"President Rojas will open a "
                                              "new trade office next week,\" a senior official said. Rojas called it "
                                              "\"historic\".");
  g_assert_cmpuint (f->quotes->len, ==, 0);
}

static void
test_tweet (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The ministers met in Lima on Friday and spoke at length about many things of importance, "
    "from the supply of defence goods and the sharing of information to the training of officers, the "
    "exchange of cadets, joint exercises at sea and on land, research in new technologies, and the "
    "long road ahead for two democracies that share a region and a view of how it should be kept open.\n"
    "I just sat down with my colleague to sign a 12-year Trade Framework.\n"
    "This deepens our trade partnership.\n"
    "— Secretary of Commerce Jane Holloway (@CommerceSec) March 14, 2025\n");
  g_assert_true (has_quote (f, "Jane Holloway", "This deepens our trade partnership"));
  g_assert_true (has_quote (f, "Jane Holloway", "I just sat down with my colleague"));
  g_assert_false (has_quote (f, "Jane Holloway", "spoke at length"));
}

static void
test_descriptions_of_speakers (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin. Turkey and Russia are partners.\n"
    "\"The West must keep its promises,\" the Russian leader added.\n"
    "Kremlin spokesman Dmitry Peskov later told reporters: \"There are no plans for a new meeting yet.\"\n");
  g_assert_true (has_quote (f, "Vladimir Putin", "keep its promises"));
  g_assert_true (has_quote (f, "Dmitry Peskov", "no plans for a new meeting"));
  g_assert_true (has_fact (f, "Dmitry Peskov", NKG_PROP_WORKS_FOR, "Kremlin"));
}

/* The comma before "she said" closes the reporting sentence, not the
 * quotation; a question mark is the speaker's own. */
/* "The Peruvian minister said … . “…,” she told reporters": the pronoun
 * stands for the description that was the last sentence's subject, not
 * for the last person named before it. */
static void
test_pronoun_after_described_subject (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "LIMA, May 4, 2025 -- Foreign Minister Tomas Reyes of Chile held talks with his Peruvian counterpart "
    "Ana Lucia Ferreira in Lima on Monday.\n\n"
    "Reyes said the two countries would widen trade.\n\n"
    "The Peruvian minister said Lima welcomed investment from Chile. "
    "\u201cOur partnership must create jobs here in Peru,\u201d she told reporters.\n");
  g_assert_true (has_quote (f, "Ana Lucia Ferreira", "partnership must create jobs"));
  g_assert_false (has_quote (f, "Tomas Reyes", "partnership must create jobs"));
}

static void
test_trailing_punctuation (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Trade Minister Anna Berg spoke in Oslo.\n"
                                              "“The port will open to ships from every continent,” Berg said.\n"
                                              "“Who else could build it so quickly?” she asked reporters, smiling.\n");
  g_assert_cmpuint (f->quotes->len, >=, 1);
  for (guint i = 0; i < f->quotes->len; i++)
    {
      NkgLocalQuote *q = g_ptr_array_index (f->quotes, i);
      g_assert_false (g_str_has_suffix (q->text, ","));
      g_assert_false (g_str_has_suffix (q->text, " "));
    }
  g_assert_true (has_quote (f, "Anna Berg", "ships from every continent"));
  gint s = entity_named (f, "Anna Berg");
  gboolean exact = FALSE;
  for (guint i = 0; i < f->quotes->len; i++)
    {
      NkgLocalQuote *q = g_ptr_array_index (f->quotes, i);
      exact |= (gint) q->speaker == s && strcmp (q->text, "The port will open to ships from every continent") == 0;
    }
  g_assert_true (exact);
}

/* A quotation standing alone right after an attributed one, in the same
 * paragraph, goes on with that speaker; a new paragraph does not. */
static void
test_quote_continues (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Finance Minister Lena Varga spoke in Budapest.\n"
    "“The budget is balanced for the first time,” Varga told reporters. “Nobody expected it this year.”\n"
    "“We will see whether the numbers hold up.”\n");
  g_assert_true (has_quote (f, "Lena Varga", "budget is balanced"));
  g_assert_true (has_quote (f, "Lena Varga", "Nobody expected it this year"));
  g_assert_false (has_quote (f, "Lena Varga", "numbers hold up"));
}

/* Copy wrapped at a fixed width: a line break inside a paragraph is a
 * space, so the quotation and its "said" stay in one sentence. */
static void
test_hard_wrapped (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "LIMA, Peru: Chile and Peru signed a fisheries accord on\n"
    "Monday under which both navies will patrol the southern\n"
    "waters together for the next ten years at least.\n"
    "\n"
    "\"This accord opens a new chapter for the fishing towns of\n"
    "the coast,\" Peruvian Foreign Minister Luis Vargas said at\n"
    "the ceremony in the old customs house by the harbour.\n"
    "\n"
    "Officials from both countries praised the agreement and\n"
    "said the patrols would start before the end of the year.\n");
  g_assert_true (has_quote (f, "Luis Vargas", "opens a new chapter for the fishing towns of the coast"));
}

/* "X was quoted as saying", a body as speaker, a quotation after a colon. */
static void
test_more_speakers (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "“Our fleets will share the southern waters,” Peruvian Foreign Minister Luis Vargas was quoted as saying.\n"
    "“The patrols must start before the rains come,” the Maritime Safety Council declared on Monday.\n"
    "Chilean Foreign Minister Ana Costa addressed the fishermen: “Your catch will be counted fairly from now on.”\n");
  g_assert_true (has_quote (f, "Luis Vargas", "share the southern waters"));
  g_assert_true (has_quote (f, "Maritime Safety Council", "start before the rains come"));
  g_assert_true (has_quote (f, "Ana Costa", "catch will be counted fairly"));
  /* "the Peruvian diplomat said": a noun for a person and a demonym name
   * the one official of that country */
  g_autoptr (NkgDocFacts) g = extract_string (
    "Peruvian Foreign Minister Luis Vargas met Chilean Foreign Minister Ana Costa in Lima.\n"
    "“We have come a long way since the border talks began,” the Peruvian diplomat said.\n");
  g_assert_true (has_quote (g, "Luis Vargas", "come a long way since the border talks"));
}

/* ″ (double prime) used as a quotation mark in wire copy. */
static void
test_double_prime_marks (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("\u2033We have waited five years for this day,\u2033 said Trade Minister "
                                              "Omar Kell.");
  g_assert_true (has_quote (f, "Omar Kell", "waited five years for this day"));
}

static void
test_dash_quotes (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chilean Foreign Minister Ana Rojas spoke in Lima.\n"
    "– The accord protects stocks for a generation, she said.\n"
    "- Our fishermen waited a long time for this day, said Peruvian Trade Minister Luis Vargas. "
    "The Chilean minister said: - I am glad the accord is signed here in Lima. Lima is a port.\n"
    "The accord covers:\n"
    "- more boats for the coast guard of Peru\n"
    "- new quotas for the fishermen of Chile\n");
  g_assert_true (has_quote (f, "Ana Rojas", "protects stocks for a generation"));
  g_assert_true (has_quote (f, "Luis Vargas", "waited a long time"));
  g_assert_true (has_quote (f, "Ana Rojas", "glad the accord is signed"));
  /* a list with no speaker quotes no one */
  g_assert_cmpuint (f->quotes->len, ==, 3);
}

static void
test_body_by_head (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The Andean Fisheries Council welcomed the accord on Monday. "
    "“The accord protects stocks for a generation,” the council said in a statement.\n");
  g_assert_true (has_quote (f, "Andean Fisheries Council", "protects stocks"));
  g_autoptr (NkgDocFacts) two = extract_string (
    "The Pacific Trade Council and the Andean Trade Council met. "
    "“Nothing has been decided about the new quotas,” the council said.\n");
  /* two councils: the description names neither */
  g_assert_cmpuint (two->quotes->len, ==, 0);
}

static void
test_quote_after_speaking (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chilean Foreign Minister Ana Rojas spoke to reporters in Lima on Monday.\n\n"
    "“The accord protects stocks for a generation and it is fair to both of our peoples.”\n");
  g_assert_true (has_quote (f, "Ana Rojas", "fair to both of our peoples"));
}

/* "the Chilean Prime Minister said" with two Chileans and two
 * ministers named: the whole title and the country pick the one. */
static void
test_full_title_speaker (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chilean Foreign Minister Ana Ruiz and her Peruvian counterpart Per Lund initialled the port accord. "
    "Prime Minister Ole Brandt of Chile looked on.\n\n"
    "The Chilean Prime Minister said: - Our ports will be busier by the spring than they have been for ten years.\n");
  g_assert_true (has_quote (f, "Ole Brandt", "Our ports will be busier"));
  g_assert_false (has_quote (f, "Ana Ruiz", "Our ports will be busier"));
}

/* A participle opening the sentence: its subject follows the quote. */
static void
test_fronted_participle (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Insisting that ‘no fishing fleet will be left without a berth this winter,’ President Rosa Vidal "
    "left for the coast on Monday.\n");
  g_assert_true (has_quote (f, "Rosa Vidal", "no fishing fleet will be left"));
}

/* The sentence before a quotation of its own: its first reporting verb
 * ("Calling …") has no speaker; the next one ("X said") does. */
static void
test_previous_sentence_second_verb (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Describing the accord as overdue, Foreign Minister Ana Rojas said the text would now go to the deputies. "
    "\"Once the deputies vote, the new rules will apply to every port on the coast.\"\n");
  g_assert_true (has_quote (f, "Ana Rojas", "Once the deputies vote"));
}

/* A caption naming someone, then a paragraph that is only a quotation. */
static void
test_caption_then_quote (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Leaders meet in Lima\n\n"
    "The Guardian's Ana Rojas in Lima\n"
    "\"Nobody here expects the talks to end before Friday night\"\n"
    "audio 3 min\n\n"
    "Trade Minister Luis Vargas arrived on Monday.\n"
    "\"We will sign when the text is ready for both sides\" is what officials expect.\n");
  g_assert_true (has_quote (f, "Ana Rojas", "Nobody here expects the talks"));
  /* a paragraph with a verb is no caption */
  g_assert_false (has_quote (f, "Luis Vargas", "We will sign when"));
}

/* Reporting verbs of the pattern table's `report` list. */
static void
test_more_reporting_verbs (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "President Rosa Vidal pointed out that the fund had been waiting for reform for years.\n\n"
    "“Our ports need this money before the storm season, and they need it now.”\n\n"
    "“Ratify it before the end of the year,” Trade Minister Luis Vargas urged.\n");
  g_assert_true (has_quote (f, "Rosa Vidal", "Our ports need this money"));
  g_assert_true (has_quote (f, "Luis Vargas", "Ratify it before the end"));
}

/* "He said … and added …, “…”": the pronoun opening the sentence. */
static void
test_pronoun_subject_far_from_verb (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "President Rosa Vidal spent two days in Lima.\n\n"
    "She also said that both sides had pledged to reopen the river crossing and added that she felt at "
    "ease in Lima, “in all honesty, this city feels like home to me.”\n");
  g_assert_true (has_quote (f, "Rosa Vidal", "this city feels like home"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setup_lexicon ();
  g_test_add_func ("/extract/quotes/said-forms", test_said_forms);
  g_test_add_func ("/extract/quotes/multi-sentence", test_multi_sentence_quote);
  g_test_add_func ("/extract/quotes/unnamed-and-scare", test_unnamed_speaker_and_scare_quotes);
  g_test_add_func ("/extract/quotes/tweet", test_tweet);
  g_test_add_func ("/extract/quotes/descriptions", test_descriptions_of_speakers);
  g_test_add_func ("/extract/quotes/trailing-punctuation", test_trailing_punctuation);
  g_test_add_func ("/extract/quotes/pronoun-after-described-subject", test_pronoun_after_described_subject);
  g_test_add_func ("/extract/quotes/continues", test_quote_continues);
  g_test_add_func ("/extract/quotes/hard-wrapped", test_hard_wrapped);
  g_test_add_func ("/extract/quotes/double-prime", test_double_prime_marks);
  g_test_add_func ("/extract/quotes/more-speakers", test_more_speakers);
  g_test_add_func ("/extract/quotes/after-reported-speech", test_quote_after_reported_speech);
  g_test_add_func ("/extract/quotes/single-marks", test_single_quotation_marks);
  g_test_add_func ("/extract/quotes/according-to", test_according_to);
  g_test_add_func ("/extract/quotes/dash", test_dash_quotes);
  g_test_add_func ("/extract/quotes/body-by-head", test_body_by_head);
  g_test_add_func ("/extract/quotes/after-speaking", test_quote_after_speaking);
  g_test_add_func ("/extract/quotes/full-title", test_full_title_speaker);
  g_test_add_func ("/extract/quotes/fronted-participle", test_fronted_participle);
  g_test_add_func ("/extract/quotes/previous-sentence-second-verb", test_previous_sentence_second_verb);
  g_test_add_func ("/extract/quotes/caption", test_caption_then_quote);
  g_test_add_func ("/extract/quotes/more-reporting-verbs", test_more_reporting_verbs);
  g_test_add_func ("/extract/quotes/pronoun-subject", test_pronoun_subject_far_from_verb);
  int r = g_test_run ();
  nkg_lexicon_free (test_lexicon);
  return r;
}
