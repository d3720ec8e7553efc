/* Unit tests for events (attended, location, startDate), the signing
 * voices and verbs around them, and durations: one sentence of our own
 * each, with the negative cases beside the positive ones. */
#include "test-extract-helpers.h"

static void
test_cochaired_named_event (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (" date 2024-05-10\nPrime Minister Anna Berg and President Tomas Vidal co-chaired "
                                              "the third Spain-Norway Inter-Governmental Consultations at the Federal "
                                              "Chancellery in Oslo.");
  const char *ev = "Spain-Norway Inter-Governmental Consultations";
  /* A hyphenated compound name is one event, not people. */
  g_assert_cmpint (class_of (f, ev), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (class_of (f, "Federal Chancellery"), ==, NKG_CLASS_PLACE);
  g_assert_true (has_fact (f, "Anna Berg", NKG_PROP_ATTENDED, ev));
  g_assert_true (has_fact (f, "Tomas Vidal", NKG_PROP_ATTENDED, ev));
  g_assert_true (has_fact (f, ev, NKG_PROP_LOCATION, "Oslo"));
  g_assert_true (has_fact (f, ev, NKG_PROP_LOCATION, "Federal Chancellery"));
}

/* A week of meetings under a capitalised name is one event ("the Kenya
 * Mining Week", a leaders' week); a week of the calendar is none.
 * Invented weeks and people. */
static void
test_named_week (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (" date 2024-05-10\nPresident Ana Costa attended the Andean Leaders' Week "
                                              "in Lima. Minister Luis Vidal opened the Kenya Mining Week in Nairobi "
                                              "on Monday and will visit Quito next week.");
  g_assert_cmpint (class_of (f, "Andean Leaders' Week"), ==, NKG_CLASS_EVENT);
  g_assert_true (has_fact (f, "Ana Costa", NKG_PROP_ATTENDED, "Andean Leaders' Week"));
  g_assert_cmpint (class_of (f, "Kenya Mining Week"), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (entity_named (f, "Quito next week"), ==, -1);
  g_assert_cmpint (class_of (f, "Quito"), ==, NKG_CLASS_CITY);
}

/* A forum's or summit's leaders are people, not a meeting: "Forum
 * Leaders" after the body's short name is no event, while "the Forum
 * Leaders Meeting" is one (patterns.txt groupnoun). Invented forum. */
static void
test_forum_leaders_no_event (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The plan will be presented to Forum Leaders for adoption in Apia. "
                                              "The Summit Leaders backed it at the Forum Leaders Meeting.");
  g_assert_cmpint (entity_named (f, "Forum Leaders"), ==, -1);
  g_assert_cmpint (entity_named (f, "Summit Leaders"), ==, -1);
  g_assert_cmpint (class_of (f, "Forum Leaders Meeting"), ==, NKG_CLASS_EVENT);
}

static void
test_event_in_demonym_capital (void)
{
  /* "the Chilean capital": the lexicon knows Chile's capital. */
  g_autoptr (NkgDocFacts) f = extract_string (" date 2024-05-10\nBolivian President Luis Arce attended an Andean "
                                              "summit in the Chilean capital on Thursday.");
  g_assert_true (has_fact (f, "Luis Arce", NKG_PROP_ATTENDED, "Andean summit"));
  g_assert_true (has_fact (f, "Andean summit", NKG_PROP_LOCATION, "Santiago"));
  g_assert_true (has_fact (f, "Andean summit", NKG_PROP_START_DATE, "2024-05-09"));
}

static void
test_at_event_opening (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("At the Camp David summit, US President Joe Biden, Japanese Prime Minister "
                                              "Yuki Mori and South Korean President Yoon Suk Yeol agreed to deepen ties.");
  /* A named summit, not a person called "Camp David". */
  g_assert_cmpint (class_of (f, "Camp David summit"), ==, NKG_CLASS_EVENT);
  g_assert_true (has_fact (f, "Joe Biden", NKG_PROP_ATTENDED, "Camp David summit"));
  g_assert_true (has_fact (f, "Yoon Suk Yeol", NKG_PROP_ATTENDED, "Camp David summit"));
  g_assert_true (has_fact (f, "Joe Biden", NKG_PROP_MET, "Yuki Mori"));
  g_autoptr (NkgDocFacts) g = extract_string ("Talks were held at Camp David on Friday. He flew to the G20 summit and "
                                              "then to the Shangri-La Dialogue.");
  g_assert_cmpint (class_of (g, "Camp David"), ==, NKG_CLASS_PLACE);
  g_autoptr (NkgDocFacts) h = extract_string ("Inter-Governmental Consultations were held in Berlin.");
  g_assert_true (has_fact (h, "Inter-Governmental Consultations", NKG_PROP_LOCATION, "Berlin"));
  g_assert_cmpint (class_of (g, "G20 summit"), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (class_of (g, "Shangri-La Dialogue"), ==, NKG_CLASS_EVENT);
}

static void
test_press_conference_no_event (void)
{
  /* A briefing to the press is no named event, nor is "Press" a body;
   * the summit it closed is where the speaker was. */
  g_autoptr (NkgDocFacts) f = extract_string ("The Andean Ocean Summit opened in Lima on Monday. Foreign Minister Rita "
                                              "Soler told a Press conference at the end of the summit that the talks "
                                              "had gone well.");
  g_assert_cmpint (class_of (f, "Press conference"), ==, NKG_CLASS_NONE);
  g_assert_cmpint (class_of (f, "Press"), ==, NKG_CLASS_NONE);
  g_assert_true (has_fact (f, "Rita Soler", NKG_PROP_ATTENDED, "Andean Ocean Summit"));
  /* … but a named conference stays one. */
  g_autoptr (NkgDocFacts) g = extract_string ("Foreign Minister Rita Soler spoke at the Andean Water conference in Lima.");
  g_assert_cmpint (class_of (g, "Andean Water conference"), ==, NKG_CLASS_EVENT);
}

static void
test_event_brought_together (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The Andean summit brought together Peruvian President Ana Torres, "
                                              "Bolivian President Luis Arce and Chilean President Pablo Rojas.");
  g_assert_true (has_fact (f, "Ana Torres", NKG_PROP_ATTENDED, "Andean summit"));
  g_assert_true (has_fact (f, "Luis Arce", NKG_PROP_ATTENDED, "Andean summit"));
  g_assert_true (has_fact (f, "Pablo Rojas", NKG_PROP_ATTENDED, "Andean summit"));
  /* Praising a summit is not being there. */
  g_autoptr (NkgDocFacts) g = extract_string ("President Luis Arce praised the Andean summit, where ministers drafted a plan.");
  g_assert_false (has_fact (g, "Luis Arce", NKG_PROP_ATTENDED, "Andean summit"));
}

static void
test_unnamed_attendees_named_next (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
      "Energy ministers from Egypt and Greece met in Cairo on the sidelines of the EMGF meeting. "
      "Egyptian Petroleum Minister Karim Badawi and Greek Energy Minister Nikos Tsafos signed a deal.");
  g_assert_true (has_fact (f, "Karim Badawi", NKG_PROP_ATTENDED, "EMGF meeting"));
  g_assert_true (has_fact (f, "Nikos Tsafos", NKG_PROP_ATTENDED, "EMGF meeting"));
  /* "Ministers" inside a name says nothing of who was there. */
  g_autoptr (NkgDocFacts) g = extract_string (
      "The deal was signed on the sidelines of the Gulf Defence Ministers' Meeting. "
      "Kuwaiti Defence Minister Adel Sabah welcomed it.");
  g_assert_false (has_fact (g, "Adel Sabah", NKG_PROP_ATTENDED, "Gulf Defence Ministers' Meeting"));
}

static void
test_sidelines_of_meeting_of (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Greek Foreign Minister Nikos Dendias met Egyptian Foreign Minister Sameh "
                                              "Shoukry on the sidelines of a meeting of the East Mediterranean Gas Forum "
                                              "in Cairo.");
  /* the forum that meets is a body; its meeting is the event */
  const char *ev = "East Mediterranean Gas Forum meeting";
  g_assert_cmpint (class_of (f, "East Mediterranean Gas Forum"), ==, NKG_CLASS_ORG);
  g_assert_true (has_fact (f, "Nikos Dendias", NKG_PROP_ATTENDED, ev));
  g_assert_true (has_fact (f, "Sameh Shoukry", NKG_PROP_ATTENDED, ev));
  g_assert_true (has_fact (f, ev, NKG_PROP_LOCATION, "Cairo"));
  g_assert_true (has_fact (f, "Nikos Dendias", NKG_PROP_MET, "Sameh Shoukry"));
}

static void
test_attendance_phrasings (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Indian Prime Minister Narendra Modi met Japanese Prime Minister Yuki Mori "
                                              "on the margins of the G7 summit in Hiroshima.");
  g_assert_true (has_fact (f, "Yuki Mori", NKG_PROP_ATTENDED, "G7 summit"));
  g_autoptr (NkgDocFacts) g = extract_string ("The Raisina Dialogue was attended by Greek Prime Minister Kyriakos "
                                              "Mitsotakis and Italian Prime Minister Giorgia Meloni.");
  g_assert_true (has_fact (g, "Giorgia Meloni", NKG_PROP_ATTENDED, "Raisina Dialogue"));
  g_autoptr (NkgDocFacts) h = extract_string ("Greek Prime Minister Kyriakos Mitsotakis was in New Delhi for the Raisina "
                                              "Dialogue.");
  g_assert_true (has_fact (h, "Kyriakos Mitsotakis", NKG_PROP_ATTENDED, "Raisina Dialogue"));
  g_assert_true (has_fact (h, "Raisina Dialogue", NKG_PROP_LOCATION, "New Delhi"));
  g_autoptr (NkgDocFacts) n = extract_string ("Indian Prime Minister Narendra Modi arrived in Kazan to attend the BRICS "
                                              "summit.");
  g_assert_true (has_fact (n, "Narendra Modi", NKG_PROP_ATTENDED, "BRICS summit"));
  g_assert_true (has_fact (n, "BRICS summit", NKG_PROP_LOCATION, "Kazan"));
  /* Praise for an event is no presence at it. */
  g_autoptr (NkgDocFacts) k = extract_string ("Greek Prime Minister Kyriakos Mitsotakis praised India for the Raisina "
                                              "Dialogue.");
  g_assert_cmpuint (count_facts (k, NKG_PROP_ATTENDED), ==, 0);
}

static void
test_bare_event_held_in (void)
{
  /* "the summit" stands for the article's named summit; "Indonesia for
   * the ASEAN summit" is a country and an event, not one name. */
  g_autoptr (NkgDocFacts) f = extract_string (" date 2023-09-09\nLeaders flew to Indonesia for the ASEAN summit. The summit, "
                                              "held in Jakarta on Friday, ended early.");
  g_assert_cmpint (class_of (f, "ASEAN summit"), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (class_of (f, "Indonesia"), ==, NKG_CLASS_COUNTRY);
  /* Words that qualify a meeting stay in its name. */
  g_autoptr (NkgDocFacts) q = extract_string ("Leaders went to Tokyo for the India-Japan annual summit and then to the "
                                              "Quad leaders summit in Sydney.");
  g_assert_cmpint (class_of (q, "India-Japan annual summit"), ==, NKG_CLASS_EVENT);
  g_assert_true (has_fact (q, "Quad leaders summit", NKG_PROP_LOCATION, "Sydney"));
  /* "Body (ACR) summit": the body, and its event under both names. */
  g_autoptr (NkgDocFacts) r = extract_string ("Leaders attended the Shanghai Cooperation Organisation (SCO) summit in "
                                              "Tashkent. The SCO summit ended on Friday.");
  const char *sco = "Shanghai Cooperation Organisation summit";
  g_assert_cmpint (class_of (r, sco), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (entity_named (r, "SCO summit"), ==, entity_named (r, sco));
  g_assert_cmpint (nkg_class_coarse (class_of (r, "Shanghai Cooperation Organisation")), ==, NKG_CLASS_ORG);
  g_assert_true (has_fact (r, sco, NKG_PROP_LOCATION, "Tashkent"));
  /* A connector inside a body's name is no boundary. */
  g_autoptr (NkgDocFacts) n = extract_string ("Ministers attended the Council for Security Cooperation meeting in Hanoi.");
  g_assert_cmpint (class_of (n, "Council for Security Cooperation meeting"), ==, NKG_CLASS_EVENT);
  g_assert_true (has_fact (f, "ASEAN summit", NKG_PROP_LOCATION, "Jakarta"));
  g_assert_true (has_fact (f, "ASEAN summit", NKG_PROP_START_DATE, "2023-09-08"));
  g_autoptr (NkgDocFacts) h = extract_string (" date 2024-11-19\nXi Jinping flew to Brazil for the G20 summit. The "
                                              "two-day summit opened in Rio de Janeiro on Monday.");
  g_assert_true (has_fact (h, "G20 summit", NKG_PROP_LOCATION, "Rio de Janeiro"));
  g_assert_true (has_fact (h, "G20 summit", NKG_PROP_START_DATE, "2024-11-18"));
  /* Day before month, as British and Indian papers write it. */
  g_autoptr (NkgDocFacts) k = extract_string (" date 2024-07-09\nIndia and Russia signed a trade pact in Moscow on 8 July. "
                                              "The G20 summit, held in Rio on 18 November, ended.");
  g_assert_true (has_fact (k, "trade pact", NKG_PROP_SIGNED_ON, "2024-07-08"));
  g_assert_true (has_fact (k, "G20 summit", NKG_PROP_START_DATE, "2024-11-18"));
  g_autoptr (NkgDocFacts) m = extract_string ("Leaders met at the G20 summit. The summit, hosted by Brazil, was long.");
  g_assert_true (has_fact (m, "G20 summit", NKG_PROP_LOCATION, "Brazil"));
  g_autoptr (NkgDocFacts) o = extract_string ("India on Friday hosted the Quad summit.");
  g_assert_true (has_fact (o, "Quad summit", NKG_PROP_LOCATION, "India"));
  g_autoptr (NkgDocFacts) p = extract_string (" date 2024-10-22\nThe BRICS summit opened today in Kazan. The G20 summit "
                                              "opened on Monday in Rio de Janeiro.");
  g_assert_true (has_fact (p, "BRICS summit", NKG_PROP_START_DATE, "2024-10-22"));
  g_assert_true (has_fact (p, "BRICS summit", NKG_PROP_LOCATION, "Kazan"));
  g_assert_true (has_fact (p, "G20 summit", NKG_PROP_START_DATE, "2024-10-21"));
  g_assert_true (has_fact (p, "G20 summit", NKG_PROP_LOCATION, "Rio de Janeiro"));
  g_autoptr (NkgDocFacts) fri = extract_string (" date 2024-10-26\nLeaders left after Friday's G20 summit.");
  g_assert_true (has_fact (fri, "G20 summit", NKG_PROP_START_DATE, "2024-10-25"));
  /* Without an article date, no day is guessed. */
  g_autoptr (NkgDocFacts) g = extract_string ("Leaders flew to Indonesia for the ASEAN summit. The summit, held in Jakarta "
                                              "on Friday, ended early.");
  g_assert_cmpuint (count_facts (g, NKG_PROP_START_DATE), ==, 0);
}

static void
test_talks_at_event (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Kenyan President Amos Kibet met Ugandan President Ruth Nakato in Nairobi. "
                                              "The talks continued at the first Joint Commission meeting of the two "
                                              "countries.");
  g_assert_true (has_fact (f, "Amos Kibet", NKG_PROP_ATTENDED, "Joint Commission meeting"));
  g_assert_true (has_fact (f, "Ruth Nakato", NKG_PROP_ATTENDED, "Joint Commission meeting"));
}

static void
test_pronoun_attends (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Indian Prime Minister Narendra Modi arrived in Germany on Sunday. He "
                                              "addressed the Munich Security Conference. He said the Raisina Dialogue "
                                              "mattered.");
  g_assert_true (has_fact (f, "Narendra Modi", NKG_PROP_ATTENDED, "Munich Security Conference"));
  /* Only who was at the summit attended it, not whom he spoke of there. */
  g_autoptr (NkgDocFacts) g = extract_string ("US President Joe Biden said at the G20 summit that Russian President "
                                              "Vladimir Putin must withdraw.");
  g_assert_true (has_fact (g, "Joe Biden", NKG_PROP_ATTENDED, "G20 summit"));
  g_assert_false (has_fact (g, "Vladimir Putin", NKG_PROP_ATTENDED, "G20 summit"));
  /* Speaking of an event is no attending. */
  g_assert_false (has_fact (f, "Narendra Modi", NKG_PROP_ATTENDED, "Raisina Dialogue"));
}

static void
test_bare_event_attendees (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (" date 2024-10-24\nOn the sidelines of the BRICS summit in Kazan, Russia, "
                                              "Indian Prime Minister Narendra Modi held talks with Chinese President Xi "
                                              "Jinping. Russian President Vladimir Putin hosted the three-day summit, "
                                              "which began on Tuesday. Xi Jinping also met Iranian President Masoud "
                                              "Pezeshkian during the summit.");
  g_assert_true (has_fact (f, "Vladimir Putin", NKG_PROP_ATTENDED, "BRICS summit"));
  g_assert_true (has_fact (f, "Masoud Pezeshkian", NKG_PROP_ATTENDED, "BRICS summit"));
  g_assert_true (has_fact (f, "BRICS summit", NKG_PROP_START_DATE, "2024-10-22"));
  g_assert_true (has_fact (f, "BRICS summit", NKG_PROP_LOCATION, "Kazan"));
  /* A summit that is only spoken of gives no attendee. */
  g_autoptr (NkgDocFacts) g = extract_string ("The BRICS summit in Kazan ended. Chinese President Xi Jinping praised the "
                                              "summit.");
  g_assert_cmpuint (count_facts (g, NKG_PROP_ATTENDED), ==, 0);
}

static void
test_hosted_is_met (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Indonesian President Joko Widodo hosted Chinese Premier Li Qiang and "
                                              "Indian Prime Minister Narendra Modi in Jakarta.");
  g_assert_true (has_fact (f, "Joko Widodo", NKG_PROP_MET, "Li Qiang"));
  g_assert_true (has_fact (f, "Joko Widodo", NKG_PROP_MET, "Narendra Modi"));
  g_autoptr (NkgDocFacts) g = extract_string ("Indian Prime Minister Narendra Modi received Australian Prime Minister "
                                              "Anthony Albanese at Hyderabad House. Indian Prime Minister Narendra Modi "
                                              "welcomed the remarks of US President Joe Biden.");
  g_assert_true (has_fact (g, "Narendra Modi", NKG_PROP_MET, "Anthony Albanese"));
  g_autoptr (NkgDocFacts) h = extract_string ("Indian Prime Minister Narendra Modi arrived in Beijing. He was received by "
                                              "Chinese Premier Li Qiang at the airport.");
  g_assert_true (has_fact (h, "Narendra Modi", NKG_PROP_MET, "Li Qiang"));
  /* Welcoming what someone said is no meeting. */
  g_assert_false (has_fact (g, "Narendra Modi", NKG_PROP_MET, "Joe Biden"));
}

static void
test_passive_pronoun_signing (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (" date 2024-03-08\nSweden and Finland joined a security pact. It was "
                                              "signed by Swedish Prime Minister Ulf Kristersson and Finnish President "
                                              "Sauli Niinisto in Madrid on Thursday.");
  g_assert_true (has_fact (f, "Ulf Kristersson", NKG_PROP_SIGNED, "security pact"));
  g_assert_true (has_fact (f, "Sauli Niinisto", NKG_PROP_SIGNED, "security pact"));
  g_assert_true (has_fact (f, "security pact", NKG_PROP_PARTY, "Sweden"));
  g_assert_true (has_fact (f, "security pact", NKG_PROP_PARTY, "Finland"));
  g_assert_true (has_fact (f, "security pact", NKG_PROP_SIGNED_IN, "Madrid"));
  g_assert_true (has_fact (f, "security pact", NKG_PROP_SIGNED_ON, "2024-03-07"));
}

static void
test_put_names_to_and_lists (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The leaders of Japan, South Korea and the Philippines put their names to a "
                                              "maritime security pact in Manila.");
  g_assert_true (has_fact (f, "Japan", NKG_PROP_SIGNED, "maritime security pact"));
  g_assert_true (has_fact (f, "South Korea", NKG_PROP_SIGNED, "maritime security pact"));
  g_assert_true (has_fact (f, "Philippines", NKG_PROP_SIGNED, "maritime security pact"));
  g_assert_true (has_fact (f, "maritime security pact", NKG_PROP_SIGNED_IN, "Manila"));
  g_autoptr (NkgDocFacts) g = extract_string ("Japanese Prime Minister Yuki Mori, Philippine President Ramon "
                                              "Aquino and US President Joe Biden signed a trilateral pact.");
  g_assert_true (has_fact (g, "Yuki Mori", NKG_PROP_SIGNED, "trilateral pact"));
  g_assert_true (has_fact (g, "Ramon Aquino", NKG_PROP_SIGNED, "trilateral pact"));
  g_assert_true (has_fact (g, "Joe Biden", NKG_PROP_SIGNED, "trilateral pact"));
}

static void
test_possessive_signers (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("India's David Singh, Japan's Maria Kihara and Australia's Richard Marles "
                                              "signed a trilateral defence pact at a ceremony in Tokyo.");
  g_assert_true (has_fact (f, "David Singh", NKG_PROP_SIGNED, "trilateral defence pact"));
  g_assert_true (has_fact (f, "Maria Kihara", NKG_PROP_SIGNED, "trilateral defence pact"));
  g_assert_true (has_fact (f, "Richard Marles", NKG_PROP_SIGNED, "trilateral defence pact"));
  g_assert_true (has_fact (f, "Maria Kihara", NKG_PROP_REPRESENTS, "Japan"));
  g_assert_true (has_fact (f, "trilateral defence pact", NKG_PROP_PARTY, "India"));
  g_assert_true (has_fact (f, "trilateral defence pact", NKG_PROP_SIGNED_IN, "Tokyo"));
  g_assert_true (has_fact (f, "David Singh", NKG_PROP_MET, "Richard Marles"));
}

static void
test_signed_during_visit (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Vietnam and Malaysia on Tuesday signed a digital economy pact during a visit "
                                              "by Malaysian Prime Minister Anwar Ibrahim to Hanoi.");
  g_assert_true (has_fact (f, "digital economy pact", NKG_PROP_SIGNED_IN, "Hanoi"));
  /* A place the signing is no visit to stays out. */
  g_autoptr (NkgDocFacts) g = extract_string ("Vietnam and Malaysia signed a digital economy pact and sent a delegation to "
                                              "Hanoi.");
  g_assert_cmpuint (count_facts (g, NKG_PROP_SIGNED_IN), ==, 0);
}

static void
test_capitals_sign_for_countries (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Ankara, Stockholm and Helsinki signed a trilateral memorandum in Madrid.");
  g_assert_true (has_fact (f, "Turkey", NKG_PROP_SIGNED, "trilateral memorandum"));
  g_assert_true (has_fact (f, "Sweden", NKG_PROP_SIGNED, "trilateral memorandum"));
  g_assert_true (has_fact (f, "trilateral memorandum", NKG_PROP_PARTY, "Finland"));
  /* Capitals far from the verb are places, not governments. */
  g_autoptr (NkgDocFacts) g = extract_string ("Officials from Paris and Berlin said the treaty signed in Rome was historic.");
  g_assert_cmpuint (count_facts (g, NKG_PROP_SIGNED), ==, 0);
  /* The place of signing is no signer. */
  g_assert_false (has_fact (f, "Spain", NKG_PROP_SIGNED, "trilateral memorandum"));
  g_assert_false (has_fact (f, "Madrid", NKG_PROP_SIGNED, "trilateral memorandum"));
}

static void
test_not_signings (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Negotiators from Peru and Chile initialled a free trade agreement. "
                                              "The EU and Mercosur announced they had concluded negotiations on a trade "
                                              "deal. India and Oman agreed to begin talks on a trade pact. Kenya is "
                                              "expected to sign an accord with Japan.");
  g_assert_cmpuint (count_facts (f, NKG_PROP_SIGNED), ==, 0);
  g_autoptr (NkgDocFacts) g = extract_string ("Kenya and Uganda signed off on the pipeline accord budget.");
  g_assert_cmpuint (count_facts (g, NKG_PROP_SIGNED), ==, 0);
}

static void
test_durations (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Kenya and Uganda signed a gas deal. The deal runs for three years.");
  g_assert_true (has_fact (f, "gas deal", NKG_PROP_DURATION, "P3Y"));
  g_autoptr (NkgDocFacts) g = extract_string ("Peru and Chile signed a fisheries pact. The pact is valid for five years.");
  g_assert_true (has_fact (g, "fisheries pact", NKG_PROP_DURATION, "P5Y"));
  g_autoptr (NkgDocFacts) h = extract_string ("Peru and Chile signed a 30-year water accord.");
  g_assert_true (has_fact (h, "30-year water accord", NKG_PROP_DURATION, "P30Y"));
  g_autoptr (NkgDocFacts) k = extract_string ("Peru and Chile signed a port treaty for an initial period of 18 months.");
  g_assert_true (has_fact (k, "port treaty", NKG_PROP_DURATION, "P18M"));
  /* Years that are no term: "talks that lasted for three years" come
   * before the agreement is named. */
  g_autoptr (NkgDocFacts) n = extract_string ("After talks that lasted for three years, Peru and Chile signed a port treaty.");
  g_assert_cmpuint (count_facts (n, NKG_PROP_DURATION), ==, 0);
}

static void
test_parties_between (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The free trade agreement between India and Oman will cut tariffs.");
  g_assert_true (has_fact (f, "free trade agreement", NKG_PROP_PARTY, "India"));
  g_assert_true (has_fact (f, "free trade agreement", NKG_PROP_PARTY, "Oman"));
  g_assert_cmpuint (count_facts (f, NKG_PROP_SIGNED), ==, 0);
  /* A pact still to be negotiated has no parties yet. */
  g_autoptr (NkgDocFacts) g = extract_string ("They agreed to begin talks leading to a customs pact between Ghana and "
                                              "Togo.");
  g_assert_cmpuint (count_facts (g, NKG_PROP_PARTY), ==, 0);
}

static void
test_bylines_and_non_persons (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Peru, Chile sign port pact\nBy Staff Reporter | Mar 8, 2024\nBy Ana Ruiz\n"
                                              "LIMA — Peru and Chile on Friday signed a port pact at the Government "
                                              "Palace, officials said. Visitors toured Camp Humphreys and took the "
                                              "Silk Route. The Nobel Peace Prize panel adopted the Guiding Principles.\n");
  g_assert_cmpint (entity_named (f, "Staff Reporter"), <, 0);
  /* The writer a byline names is a person the article names (as the
   * dev2 gold counts bylines); a staff role names nobody. */
  g_assert_cmpint (class_of (f, "Ana Ruiz"), ==, NKG_CLASS_PERSON);
  /* The byline's date still dates the article. */
  g_assert_true (has_fact (f, "port pact", NKG_PROP_SIGNED_ON, "2024-03-08"));
  g_assert_cmpint (class_of (f, "Government Palace"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (class_of (f, "Camp Humphreys"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (class_of (f, "Silk Route"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (class_of (f, "Guiding Principles"), ==, NKG_CLASS_AGREEMENT);
  for (guint i = 0; i < f->entities->len; i++)
    {
      NkgLocalEntity *e = g_ptr_array_index (f->entities, i);
      g_assert_false (e->klass == NKG_CLASS_PERSON && strstr (e->name, "Prize"));
    }
  /* A byline over two lines: the name, then the role. */
  g_autoptr (NkgDocFacts) h = extract_string ("Peru, Chile sign port pact\nJane Doe\nStaff Writer\nPeru and Chile signed a "
                                              "port pact.\n");
  g_assert_cmpint (entity_named (h, "Jane Doe"), <, 0);
  g_assert_true (has_fact (h, "Peru", NKG_PROP_SIGNED, "port pact"));
  /* A news agency's byline names an organisation the article cites. */
  g_autoptr (NkgDocFacts) g = extract_string ("Peru, Chile sign port pact\nBy AFP | Mar 8, 2024\nPeru and Chile signed a "
                                              "port pact.\nRelated Stories\nJane Doe wins an award\n");
  g_assert_cmpint (entity_named (g, "AFP"), >=, 0);
  g_assert_cmpint (entity_named (g, "Jane Doe"), <, 0);
}

static void
test_counterpart_title (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Japan and India agreed to expand trade. Indian Prime Minister Narendra Modi "
                                              "met his Japanese counterpart Yuki Mori in Tokyo. Defence Minister "
                                              "Arjun Mehra held talks with his counterpart, Richard Marles.");
  g_assert_true (has_fact (f, "Yuki Mori", NKG_PROP_JOB_TITLE, "Prime Minister"));
  g_assert_true (has_fact (f, "Yuki Mori", NKG_PROP_REPRESENTS, "Japan"));
  g_assert_true (has_fact (f, "Richard Marles", NKG_PROP_JOB_TITLE, "Defence Minister"));
  g_assert_true (has_fact (f, "Arjun Mehra", NKG_PROP_MET, "Richard Marles"));
  g_autoptr (NkgDocFacts) h = extract_string ("Indian Foreign Minister K. Raghavan arrived in Tokyo on Monday. He met "
                                              "his Japanese counterpart Hana Sato. Japan and India agreed.");
  g_assert_true (has_fact (h, "Hana Sato", NKG_PROP_JOB_TITLE, "Foreign Minister"));
  g_assert_true (has_fact (h, "Hana Sato", NKG_PROP_REPRESENTS, "Japan"));
  /* A minister's American counterpart is a Secretary, not a Minister. */
  g_autoptr (NkgDocFacts) g = extract_string ("The United States and India agreed. Defence Minister Arjun Mehra met his "
                                              "US counterpart Greg Walton.");
  g_assert_true (has_fact (g, "Greg Walton", NKG_PROP_REPRESENTS, "United States"));
  g_assert_false (has_fact (g, "Greg Walton", NKG_PROP_JOB_TITLE, "Defence Minister"));
}

static void
test_compound_surnames (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Egyptian Petroleum Minister Tarek El Molla met Uruguayan President Luis "
                                              "Lacalle Pou in Cairo. El Molla said the talks went well. Lacalle Pou "
                                              "agreed.");
  gint molla = entity_named (f, "Tarek El Molla");
  gint pou = entity_named (f, "Luis Lacalle Pou");
  g_assert_cmpint (molla, >=, 0);
  g_assert_cmpint (pou, >=, 0);
  g_assert_cmpint (entity_named (f, "El Molla"), ==, molla);
  g_assert_cmpint (entity_named (f, "Lacalle Pou"), ==, pou);
  /* Two people who share only a given name stay apart. */
  g_autoptr (NkgDocFacts) g = extract_string ("President Luis Arce met President Luis Lacalle Pou.");
  g_assert_cmpint (entity_named (g, "Luis Arce"), !=, entity_named (g, "Luis Lacalle Pou"));
}

static void
test_signing_follow_ups (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Brazilian President Ana Costa and her Argentine counterpart Pablo Ruiz "
                                              "signed an energy accord in Buenos Aires. The accord, which runs for ten "
                                              "years, was signed at the Casa Rosada. It replaces a 2015 memorandum. "
                                              "Uruguayan President Luis Lacalle Pou hosted the two leaders. Argentina "
                                              "and Brazil welcomed the deal, and Argentina and Brazil will build a "
                                              "pipeline.");
  g_assert_true (has_fact (f, "energy accord", NKG_PROP_DURATION, "P10Y"));
  g_assert_true (has_fact (f, "energy accord", NKG_PROP_REPLACES, "2015 memorandum"));
  g_assert_true (has_fact (f, "Luis Lacalle Pou", NKG_PROP_MET, "Ana Costa"));
  g_assert_true (has_fact (f, "Luis Lacalle Pou", NKG_PROP_MET, "Pablo Ruiz"));
  /* "Uruguayan President": foreign, though Uruguay is never named, so
   * not assumed to be of a country the article names. */
  g_assert_false (has_fact (f, "Luis Lacalle Pou", NKG_PROP_REPRESENTS, "Argentina"));
  g_assert_false (has_fact (f, "Luis Lacalle Pou", NKG_PROP_REPRESENTS, "Brazil"));
}

static void
test_two_sides_after_talks (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (" date 2023-09-11\nSaudi Arabia and India sign pacts\n"
                                              "Saudi Crown Prince Mohammed bin Salman held talks with "
                                              "Indian Prime Minister Narendra Modi in India on Monday, a day after both "
                                              "leaders took part in the G20 summit in the Indian capital. The two sides "
                                              "inked eight agreements covering energy. The 20th Shangri-La Dialogue, "
                                              "which took place in Singapore from June 2 to June 4, drew ministers from "
                                              "40 countries.");
  g_assert_true (has_fact (f, "India", NKG_PROP_SIGNED, "eight agreements"));
  g_assert_true (has_fact (f, "eight agreements", NKG_PROP_PARTY, "Saudi Arabia"));
  g_assert_true (has_fact (f, "G20 summit", NKG_PROP_LOCATION, "New Delhi"));
  g_assert_true (has_fact (f, "Narendra Modi", NKG_PROP_ATTENDED, "G20 summit"));
  g_assert_true (has_fact (f, "Shangri-La Dialogue", NKG_PROP_LOCATION, "Singapore"));
  g_assert_true (has_fact (f, "Shangri-La Dialogue", NKG_PROP_START_DATE, "2023-06-02"));
  /* With more than two countries about, "the two sides" stays unresolved. */
  g_autoptr (NkgDocFacts) g = extract_string ("Leaders of Peru, Chile and Bolivia held talks in Lima. The two sides inked "
                                              "eight agreements.");
  g_assert_cmpuint (count_facts (g, NKG_PROP_SIGNED), ==, 0);
}

static void
test_reduced_passive (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (" date 2024-02-20\nThe pact, signed by Kenyan President William Ruto and "
                                              "Ugandan President Yoweri Museveni on Friday, covers oil.");
  g_assert_true (has_fact (f, "William Ruto", NKG_PROP_SIGNED, "pact"));
  g_assert_true (has_fact (f, "Yoweri Museveni", NKG_PROP_SIGNED, "pact"));
  g_assert_true (has_fact (f, "pact", NKG_PROP_SIGNED_ON, "2024-02-16"));
}

static void
test_signing_noun_by (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (" date 2024-08-20\nKenya and Uganda agreed a pipeline accord. The signing of "
                                              "the accord by Kenyan President William Ruto and Ugandan President Yoweri "
                                              "Museveni took place in Kampala on Friday.");
  g_assert_true (has_fact (f, "William Ruto", NKG_PROP_SIGNED, "pipeline accord"));
  g_assert_true (has_fact (f, "Yoweri Museveni", NKG_PROP_SIGNED, "pipeline accord"));
  g_assert_true (has_fact (f, "pipeline accord", NKG_PROP_SIGNED_IN, "Kampala"));
  g_assert_true (has_fact (f, "pipeline accord", NKG_PROP_SIGNED_ON, "2024-08-16"));
  /* Those who witnessed the signing did not sign. */
  g_autoptr (NkgDocFacts) g = extract_string ("Kenya and Uganda agreed a pipeline accord. Kenyan President William Ruto "
                                              "and Ugandan President Yoweri Museveni witnessed the signing of the "
                                              "accord in Kampala.");
  g_assert_false (has_fact (g, "William Ruto", NKG_PROP_SIGNED, "pipeline accord"));
}

static void
test_plural_mous (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The leaders witnessed the exchange of four MoUs. The MoUs were signed by "
                                              "Singapore's Minister Gan Kim Yong and India's Ambassador Shilpak Ambule.");
  g_assert_cmpint (class_of (f, "four MoUs"), ==, NKG_CLASS_AGREEMENT);
  g_assert_true (has_fact (f, "Gan Kim Yong", NKG_PROP_SIGNED, "four MoUs"));
  g_assert_true (has_fact (f, "four MoUs", NKG_PROP_PARTY, "India"));
}

static void
test_signing_after_meeting (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (" date 2024-01-12\nDefence Minister Anil Rao on Tuesday held a meeting with "
                                              "French Defence Minister Paul Martin in Paris. The talks were followed by "
                                              "the signing of two accords between Kenya and France. A MoU was signed "
                                              "on student exchanges and a Letter of Arrangement on research.");
  /* The meeting's place and day carry to the signing it was followed by,
   * and to the documents named next. */
  g_assert_true (has_fact (f, "MoU", NKG_PROP_SIGNED_IN, "Paris"));
  g_assert_true (has_fact (f, "MoU", NKG_PROP_SIGNED_ON, "2024-01-09"));
  g_assert_true (has_fact (f, "Letter of Arrangement on research", NKG_PROP_SIGNED_IN, "Paris"));
  /* Without a meeting before, a signing sentence borrows no place. */
  g_autoptr (NkgDocFacts) g = extract_string ("Anil Rao flew to Paris. The signing of two accords between Kenya and "
                                              "France was welcomed.");
  g_assert_cmpuint (count_facts (g, NKG_PROP_SIGNED_IN), ==, 0);
}

static void
test_pen_to_paper (void)
{
  g_autoptr (NkgDocFacts) g = extract_string ("Kenya and Uganda put pen to paper on an oil pipeline deal in Kampala.");
  g_assert_true (has_fact (g, "Kenya", NKG_PROP_SIGNED, "oil pipeline deal"));
  g_assert_true (has_fact (g, "oil pipeline deal", NKG_PROP_SIGNED_IN, "Kampala"));
  /* A pen put down elsewhere is no signing. */
  g_autoptr (NkgDocFacts) h = extract_string ("Kenya and Uganda put their plans on hold over the pipeline deal.");
  g_assert_cmpuint (count_facts (h, NKG_PROP_SIGNED), ==, 0);
}

/* A meeting named by a body and who meets, in lower case: invented. */
static void
test_ministers_meeting_of_a_body (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Foreign Minister Ana Costa attended the Andean Pact foreign ministers' meeting in Lima. The Mekong Group "
    "defence ministers’ meeting ended on Friday. She met the ministers there.");
  g_assert_cmpint (class_of (f, "Andean Pact foreign ministers' meeting"), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (class_of (f, "Mekong Group defence ministers’ meeting"), ==, NKG_CLASS_EVENT);
  g_assert_true (has_fact (f, "Ana Costa", NKG_PROP_ATTENDED, "Andean Pact foreign ministers' meeting"));
  /* capitalised: a plural title before the head is no person's */
  g_autoptr (NkgDocFacts) g = extract_string ("Officials met at the Coral Sea Forum Foreign Ministers Meeting in "
                                              "Suva on Monday.");
  g_assert_cmpint (class_of (g, "Coral Sea Forum Foreign Ministers Meeting"), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (entity_named (g, "Meeting"), ==, -1);
  /* a format in digits between the parties and the head */
  g_autoptr (NkgDocFacts) h = extract_string ("Ministers held the Chile-Peru 2+2 ministerial dialogue in Lima.");
  g_assert_cmpint (class_of (h, "Chile-Peru 2+2 ministerial dialogue"), ==, NKG_CLASS_EVENT);
}

/* A forum that meets, has members or is called a body is a standing
 * body; "a meeting of" it is the event. Invented bodies. */
static void
test_forum_that_is_a_body (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Ministers Ana Costa and Lea Berg met on the sidelines of a meeting of the East Sea Gas Forum (ESGF), a "
    "regional body based in Cairo. Members of the Coral Forum for Oceania gathered in Suva. The Coral Sea "
    "Forum, a bloc of nine states, met on Friday. Ana Costa also spoke at the Lagoon Energy Forum.");
  g_assert_cmpint (class_of (f, "East Sea Gas Forum"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "ESGF"), ==, entity_named (f, "East Sea Gas Forum"));
  g_assert_cmpint (class_of (f, "East Sea Gas Forum meeting"), ==, NKG_CLASS_EVENT);
  g_assert_true (has_fact (f, "Ana Costa", NKG_PROP_ATTENDED, "East Sea Gas Forum meeting"));
  g_assert_cmpint (class_of (f, "Coral Forum for Oceania"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Coral Sea Forum"), ==, NKG_CLASS_ORG);
  /* a forum one speaks at stays an event */
  g_assert_cmpint (class_of (f, "Lagoon Energy Forum"), ==, NKG_CLASS_EVENT);
}

static void
test_event_heads_by_shape (void)
{
  /* "Retreat" and "Fair" head an event's name only with a capital. */
  g_autoptr (NkgDocFacts) f = extract_string ("Prime Minister Tomas Berg attended the Pacific Leaders Retreat in Quito. "
                                              "Trade Minister Ana Costa opened the Lima International Trade Fair.");
  g_assert_cmpint (class_of (f, "Pacific Leaders Retreat"), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (class_of (f, "Lima International Trade Fair"), ==, NKG_CLASS_EVENT);
  g_assert_true (has_fact (f, "Pacific Leaders Retreat", NKG_PROP_LOCATION, "Quito"));
  g_autoptr (NkgDocFacts) g = extract_string ("The Peruvian retreat from the border was welcomed by Foreign Minister "
                                              "Luis Vargas, who called the Andean Fisheries Accord a fair deal.");
  g_assert_cmpint (class_of (g, "Peruvian retreat"), ==, NKG_CLASS_NONE);
  g_assert_cmpint (class_of (g, "fair deal"), !=, NKG_CLASS_EVENT);
  /* "COP31": a numbered session of a series whose stem says so; not
   * any acronym with a number. */
  g_autoptr (NkgDocFacts) h = extract_string ("Foreign Minister Rita Soler spoke at COP31 in Belem. The FX35 jet "
                                              "flew over the APX21 plant.");
  g_assert_cmpint (class_of (h, "COP31"), ==, NKG_CLASS_EVENT);
  g_assert_true (has_fact (h, "Rita Soler", NKG_PROP_ATTENDED, "COP31"));
  g_assert_cmpint (class_of (h, "FX35"), ==, NKG_CLASS_NONE);
  g_assert_cmpint (class_of (h, "APX21"), ==, NKG_CLASS_NONE);
  /* "Exercise" leading a name of its own; not a minister's portfolio */
  g_autoptr (NkgDocFacts) x = extract_string ("Defence Minister Juan Mora took part in Exercise Southern Shield off Arica. "
                                              "Exercise is good, Health Minister Ana Costa said.");
  g_assert_cmpint (class_of (x, "Exercise Southern Shield"), ==, NKG_CLASS_EVENT);
  g_assert_true (has_fact (x, "Juan Mora", NKG_PROP_ATTENDED, "Exercise Southern Shield"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setup_lexicon ();
  g_test_add_func ("/extract/events/cochaired-named-event", test_cochaired_named_event);
  g_test_add_func ("/extract/events/heads-by-shape", test_event_heads_by_shape);
  g_test_add_func ("/extract/events/demonym-capital", test_event_in_demonym_capital);
  g_test_add_func ("/extract/events/at-event-opening", test_at_event_opening);
  g_test_add_func ("/extract/events/press-conference-no-event", test_press_conference_no_event);
  g_test_add_func ("/extract/events/sidelines-of-meeting-of", test_sidelines_of_meeting_of);
  g_test_add_func ("/extract/events/attendance-phrasings", test_attendance_phrasings);
  g_test_add_func ("/extract/events/bare-event-held-in", test_bare_event_held_in);
  g_test_add_func ("/extract/events/talks-at-event", test_talks_at_event);
  g_test_add_func ("/extract/events/pronoun-attends", test_pronoun_attends);
  g_test_add_func ("/extract/events/bare-event-attendees", test_bare_event_attendees);
  g_test_add_func ("/extract/events/hosted-is-met", test_hosted_is_met);
  g_test_add_func ("/extract/signing/passive-pronoun", test_passive_pronoun_signing);
  g_test_add_func ("/extract/signing/put-names-to-and-lists", test_put_names_to_and_lists);
  g_test_add_func ("/extract/signing/possessive-signers", test_possessive_signers);
  g_test_add_func ("/extract/signing/during-visit", test_signed_during_visit);
  g_test_add_func ("/extract/signing/capitals-for-countries", test_capitals_sign_for_countries);
  g_test_add_func ("/extract/signing/not-signings", test_not_signings);
  g_test_add_func ("/extract/agreements/durations", test_durations);
  g_test_add_func ("/extract/agreements/parties-between", test_parties_between);
  g_test_add_func ("/extract/document/bylines-and-non-persons", test_bylines_and_non_persons);
  g_test_add_func ("/extract/people/counterpart-title", test_counterpart_title);
  g_test_add_func ("/extract/people/compound-surnames", test_compound_surnames);
  g_test_add_func ("/extract/signing/follow-ups", test_signing_follow_ups);
  g_test_add_func ("/extract/signing/two-sides-after-talks", test_two_sides_after_talks);
  g_test_add_func ("/extract/signing/reduced-passive", test_reduced_passive);
  g_test_add_func ("/extract/signing/noun-by", test_signing_noun_by);
  g_test_add_func ("/extract/signing/plural-mous", test_plural_mous);
  g_test_add_func ("/extract/signing/after-meeting", test_signing_after_meeting);
  g_test_add_func ("/extract/signing/pen-to-paper", test_pen_to_paper);
  g_test_add_func ("/extract/events/brought-together", test_event_brought_together);
  g_test_add_func ("/extract/events/unnamed-attendees-named-next", test_unnamed_attendees_named_next);
  g_test_add_func ("/extract/events/ministers-meeting-of-a-body", test_ministers_meeting_of_a_body);
  g_test_add_func ("/extract/events/forum-that-is-a-body", test_forum_that_is_a_body);
  g_test_add_func ("/extract/events/named-week", test_named_week);
  g_test_add_func ("/extract/events/forum-leaders-no-event", test_forum_leaders_no_event);
  int rc = g_test_run ();
  nkg_lexicon_free (test_lexicon);
  return rc;
}
