/* Unit tests for the lexicon's data (extract/data/, README there): the
 * gazetteer and its alternate names, towns admitted by a cue. Our own
 * sentences; the towns are real, the people and events invented. */
#include "test-extract-helpers.h"

#include <gio/gio.h>

#include "extract/textutil.h"

static void
test_gazetteer_alternate_names (void)
{
  NkgPlace p;
  /* Old names and transliterations give the place's canonical name. */
  g_assert_true (nkg_lexicon_place (test_lexicon, "Bombay", &p));
  g_assert_cmpstr (p.name, ==, "Mumbai");
  g_assert_cmpstr (p.country, ==, "India");
  g_assert_true (nkg_lexicon_place (test_lexicon, "Addis Abeba", &p));
  g_assert_cmpstr (p.name, ==, "Addis Ababa");
  g_assert_true (nkg_lexicon_place (test_lexicon, "Alma-Ata", &p));
  g_assert_cmpstr (p.name, ==, "Almaty");
  g_assert_true (nkg_lexicon_place (test_lexicon, "KIEV", &p));
  g_assert_cmpstr (p.name, ==, "Kyiv");
  g_assert_true (nkg_lexicon_place (test_lexicon, "Washington, D.C.", &p));
  g_assert_cmpstr (p.name, ==, "Washington DC");
  /* An alternate that is a person's name or an English word is none:
   * "Adams" is also a town's old name, "Valley" another's. */
  g_assert_false (nkg_lexicon_place (test_lexicon, "Adams", NULL));
  g_assert_false (nkg_lexicon_place (test_lexicon, "Valley", NULL));
  /* Small towns are not places by themselves ... */
  g_assert_false (nkg_lexicon_place (test_lexicon, "Nanyuki", NULL));
  /* ... but the gazetteer knows them, by country. */
  g_assert_true (nkg_lexicon_town (test_lexicon, "Nanyuki", "Kenya", &p));
  g_assert_cmpint (p.klass, ==, NKG_CLASS_CITY);
  g_assert_cmpstr (p.name, ==, "Nanyuki");
  g_assert_cmpstr (p.country, ==, "Kenya");
  g_assert_false (nkg_lexicon_town (test_lexicon, "Nanyuki", "Uganda", NULL));
  g_assert_true (nkg_lexicon_town (test_lexicon, "NANYUKI", NULL, NULL));
  g_assert_false (nkg_lexicon_town (test_lexicon, "Nowhereville Flats", NULL, NULL));
}

/* A capital goes by the name GeoNames gives it now (Astana since 2022,
 * "Panama City" rather than the display form "Panamá"); its former name
 * is still the same place, and "the Kazakh capital" names it. */
static void
test_renamed_capitals (void)
{
  NkgPlace p;
  g_assert_true (nkg_lexicon_place (test_lexicon, "Astana", &p));
  g_assert_cmpstr (p.name, ==, "Astana");
  g_assert_cmpstr (p.country, ==, "Kazakhstan");
  g_assert_true (nkg_lexicon_place (test_lexicon, "Nur-Sultan", &p));
  g_assert_cmpstr (p.name, ==, "Astana");
  g_assert_true (nkg_lexicon_place (test_lexicon, "Panama City", &p));
  g_assert_cmpstr (p.name, ==, "Panama City");
  /* Another major place keeps its name; the name GeoNames gives it now is
   * one more surface of it ("Barishal", "Chattogram"), but not one that is
   * a person's name. */
  g_assert_true (nkg_lexicon_place (test_lexicon, "Barishal", &p));
  g_assert_cmpstr (p.country, ==, "Bangladesh");
  g_assert_true (nkg_lexicon_place (test_lexicon, "Chattogram", &p));
  g_assert_cmpstr (p.name, ==, "Chittagong");
  g_autoptr (NkgDocFacts) f = extract_string (" date 2024-05-10\nUzbek President Rustam Keldiyev attended a Caspian "
                                              "summit in the Kazakh capital on Thursday.");
  g_assert_true (has_fact (f, "Caspian summit", NKG_PROP_LOCATION, "Astana"));
}

/* Provinces that iso-codes still numbers ("Province 1") go by the names
 * they were given (Nepal's Koshi and Madhesh, 2023). */
static void
test_named_provinces (void)
{
  NkgPlace p;
  g_assert_true (nkg_lexicon_place (test_lexicon, "Koshi", &p));
  g_assert_cmpstr (p.name, ==, "Koshi");
  g_assert_cmpstr (p.country, ==, "Nepal");
  g_assert_true (nkg_lexicon_place (test_lexicon, "Madhesh", &p));
  g_assert_cmpstr (p.country, ==, "Nepal");
  g_assert_false (nkg_lexicon_place (test_lexicon, "Province 1", NULL));
}

/* The cheap test before a place look-up may only turn down what the
 * look-up would: spaces squeezed, shouted datelines, non-ASCII forms. */
static void
test_place_maybe (void)
{
  const char *places[] = { "Bombay", "Addis  Abeba", " Alma-Ata\n", "KIEV", "USSR", "Macedonia",
                           "Bogot\xc3\xa1", "Southeast  Asia", "U.S.", "Kenya" };
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_assert_true (nkg_lexicon_place (test_lexicon, places[i], NULL));
      g_assert_true (nkg_lexicon_place_maybe (test_lexicon, places[i]));
    }
  /* (a shout may be a dateline's: not when some letter is lower case,
   * however late) */
  const char *words[] = { "said", "the minister", "Tuesday", "Jonesby", "", "THE FOREIGN OFFICE SAID on", "ABCDEFGHIJKLMNOPq" };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_assert_false (nkg_lexicon_place_maybe (test_lexicon, words[i]));
      g_assert_false (nkg_lexicon_place (test_lexicon, words[i], NULL));
    }
}

static void
test_town_by_cue (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Farmers gathered in the Kenyan town of Nanyuki on Friday. "
                                              "A second rally in Kericho, Kenya, drew thousands. "
                                              "Isiolo, a small town in Kenya, stayed calm.");
  g_assert_cmpint (class_of (f, "Nanyuki"), ==, NKG_CLASS_CITY);
  g_assert_cmpint (class_of (f, "Kericho"), ==, NKG_CLASS_CITY);
  g_assert_cmpint (class_of (f, "Isiolo"), ==, NKG_CLASS_CITY);
  g_assert_true (has_fact (f, "Kericho", NKG_PROP_CONTAINED_IN, "Kenya"));
}

static void
test_town_needs_cue (void)
{
  /* Voi is a Kenyan town, but nothing here says a place is meant. */
  g_autoptr (NkgDocFacts) f = extract_string ("Analyst Tom Voi said the plan would fail. Voi added that "
                                              "prices would rise.");
  g_assert_cmpint (class_of (f, "Voi"), !=, NKG_CLASS_CITY);
  /* A country after a comma that is not where the town lies. */
  g_autoptr (NkgDocFacts) g = extract_string ("The envoy thanked Voi, Uganda and Rwanda for their help.");
  g_assert_cmpint (class_of (g, "Voi"), !=, NKG_CLASS_CITY);
}

static void
test_town_in_dateline (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("KERICHO, Kenya — Tea growers met the county governor on Monday.");
  g_assert_cmpint (class_of (f, "Kericho"), ==, NKG_CLASS_CITY);
}

static void
test_village_unknown_to_gazetteer (void)
{
  /* An invented village: the cue alone makes it a place. */
  g_autoptr (NkgDocFacts) f = extract_string ("Residents of the village of Velmorina fled the floods.");
  g_assert_cmpint (class_of (f, "Velmorina"), ==, NKG_CLASS_CITY);
}

static void
test_news_outlets (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The figures were reported by Kyodo on Monday. Port officials "
                                              "told Xinhua the berth would open. The Guardian and AFP "
                                              "followed, citing Anadolu.");
  g_assert_cmpint (class_of (f, "Kyodo"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Xinhua"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Anadolu"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Guardian"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "AFP"), ==, entity_named (f, "Agence France-Presse"));
  const char *kind = NULL;
  g_assert_cmpstr (nkg_lexicon_outlet (test_lexicon, "Kyodo News", &kind), ==, "Kyodo");
  g_assert_cmpstr (kind, ==, "agency");
  g_assert_null (nkg_lexicon_outlet (test_lexicon, "Kyodo Bank", &kind));
  g_assert_null (kind);
  /* A surname that is also a paper's name stays a person's: only the
   * longer form is listed. */
  g_assert_null (nkg_lexicon_outlet (test_lexicon, "Bloomberg", NULL));
  /* Asian and Pacific outlets, by their names and acronyms; a paper named
   * for a country names no country */
  g_assert_cmpstr (nkg_lexicon_outlet (test_lexicon, "RNZ", NULL), ==, "Radio New Zealand");
  g_assert_cmpstr (nkg_lexicon_outlet (test_lexicon, "VNA", NULL), ==, "Vietnam News Agency");
  g_assert_cmpstr (nkg_lexicon_outlet (test_lexicon, "AKP", NULL), ==, "Agence Kampuchea Presse");
  g_autoptr (NkgDocFacts) g = extract_string ("Prime Minister Tala Aumua told the Samoa Observer the talks went well.");
  g_assert_cmpint (class_of (g, "Samoa Observer"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (g, "Samoa"), ==, -1);
}

/* Seats of government (data/seats.tsv): before a title and a name they are
 * the government of their country; as a place of talks they are not. */
static void
test_seats_of_government (void)
{
  g_assert_cmpstr (nkg_lexicon_seat (test_lexicon, "Kremlin"), ==, "Russia");
  g_assert_cmpstr (nkg_lexicon_seat (test_lexicon, "Elysee Palace"), ==, "France");
  g_assert_cmpstr (nkg_lexicon_seat (test_lexicon, "Malacanang"), ==, "Philippines");
  g_assert_cmpstr (nkg_lexicon_seat (test_lexicon, "Blue House"), ==, "South Korea");
  g_assert_null (nkg_lexicon_seat (test_lexicon, "State House"));
  g_autoptr (NkgDocFacts) f = extract_string ("Zhongnanhai spokesman Tom Reed said the talks would go ahead. "
                                              "The delegates later met at the Kantei in Tokyo.");
  g_assert_cmpint (class_of (f, "Zhongnanhai"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (class_of (f, "Tom Reed"), ==, NKG_CLASS_PERSON);
}

static void
test_styles_and_titles (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "His Majesty King Omar Haddad received the envoys on Monday. "
    "Her Royal Highness Princess Layla Nasser opened the clinic. "
    "Grand Mufti Sheikh Karim Talal and Cardinal Piero Lanzani prayed together. "
    "Custodian of the Two Holy Mosques King Fahd Rahman sent a cable to Attorney General Paul Otieno.");
  g_assert_true (has_fact (f, "Omar Haddad", NKG_PROP_JOB_TITLE, "King"));
  g_assert_cmpint (entity_named (f, "Majesty"), ==, -1);
  g_assert_cmpint (class_of (f, "Layla Nasser"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (entity_named (f, "Royal Highness Princess Layla Nasser"), ==, -1);
  g_assert_true (has_fact (f, "Karim Talal", NKG_PROP_JOB_TITLE, "Grand Mufti"));
  g_assert_true (has_fact (f, "Piero Lanzani", NKG_PROP_JOB_TITLE, "Cardinal"));
  g_assert_true (has_fact (f, "Fahd Rahman", NKG_PROP_JOB_TITLE, "King"));
  g_assert_cmpint (entity_named (f, "Two Holy Mosques"), ==, -1);
  g_assert_true (has_fact (f, "Paul Otieno", NKG_PROP_JOB_TITLE, "Attorney General"));
}

static void
test_agreement_kinds_and_quantities (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chad and Niger signed a raft of deals in Niamey. "
    "The two firms signed a Letter of Intent on Monday. "
    "The ministers also signed a letter of intent on rail links. "
    "Leaders adopted the Pacific Fisheries Compact. "
    "Norway and Iceland agreed a roadmap for future talks.");
  g_assert_cmpint (class_of (f, "raft of deals"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (class_of (f, "Letter of Intent"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (class_of (f, "letter of intent on rail links"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (class_of (f, "Pacific Fisheries Compact"), ==, NKG_CLASS_AGREEMENT);
  /* A lower-case roadmap is a figure of speech, not an agreement. */
  g_assert_cmpint (entity_named (f, "roadmap for future talks"), ==, -1);
  /* A bare plural still speaks of any deals. */
  g_autoptr (NkgDocFacts) g = extract_string ("Analysts said trade deals rarely last.");
  g_assert_cmpuint (count_facts (g, NKG_PROP_SIGNED), ==, 0);
  for (guint i = 0; i < g->entities->len; i++)
    g_assert_cmpint (((NkgLocalEntity *) g_ptr_array_index (g->entities, i))->klass, !=, NKG_CLASS_AGREEMENT);
}

static void
test_listed_cities_no_signing_place (void)
{
  /* More cities known means more "in CITY" near a signing: cities listed
   * together are where other things happen. */
  g_autoptr (NkgDocFacts) f = extract_string ("Kenya and Ghana signed a trade accord, opened consulates in "
                                              "Mombasa and Kisumu and ended the visit.");
  g_assert_cmpint (class_of (f, "Mombasa"), ==, NKG_CLASS_CITY);
  g_assert_cmpuint (count_facts (f, NKG_PROP_SIGNED_IN), ==, 0);
  g_autoptr (NkgDocFacts) g = extract_string ("Kenya and Ghana signed a trade accord in Mombasa.");
  g_assert_cmpuint (count_facts (g, NKG_PROP_SIGNED_IN), ==, 1);
}

static void
test_accented_given_names (void)
{
  /* No title, no honorific: a known given name is the only sign of a
   * person, in its own spelling. */
  g_assert_true (nkg_lexicon_is_name_part (test_lexicon, "José"));
  g_assert_true (nkg_lexicon_is_name_part (test_lexicon, "Zoë"));
  g_assert_true (nkg_lexicon_is_name_part (test_lexicon, "Łukasz"));
  g_assert_true (nkg_lexicon_is_name_part (test_lexicon, "Nguyễn"));
  /* Ordinary English words stay out. */
  g_assert_false (nkg_lexicon_is_name_part (test_lexicon, "Table"));
  g_assert_false (nkg_lexicon_is_name_part (test_lexicon, "Window"));
  g_autoptr (NkgDocFacts) f = extract_string ("Łukasz Brzęczyk arrived at the port on Tuesday. "
                                              "Zoë Marchand joined the crew later.");
  g_assert_cmpint (class_of (f, "Łukasz Brzęczyk"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Zoë Marchand"), ==, NKG_CLASS_PERSON);
}

/* The names' index (a binary search within the names of the same first
 * two bytes) answers as a plain search of names.txt would: every name is
 * found, and the words next to it in order — the name cut short, the name
 * and a letter more, in lower case — only when they are names too. */
static void
test_name_parts_as_listed (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("NKG_SOURCE_ROOT"), "extract", "data", "names.txt", NULL);
  g_autofree char *data = NULL;
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] && *lines[i] != '#')
        g_hash_table_add (listed, lines[i]);
    }
  g_assert_cmpuint (g_hash_table_size (listed), >, 50000);
  guint asked = 0, wrong = 0;
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, listed);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      const char *name = key;
      gsize n = strlen (name);
      g_autofree char *shorter = g_strndup (name, n - 1);
      g_autofree char *longer = g_strconcat (name, "z", NULL);
      g_autofree char *lower = g_ascii_strdown (name, -1);
      const char *words[] = { name, shorter, longer, lower };
      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        {
          asked++;
          if (nkg_lexicon_is_name_part (test_lexicon, words[w]) != g_hash_table_contains (listed, words[w]))
            {
              if (wrong++ < 5)
                g_test_message ("\"%s\": %s", words[w], w ? "not as listed" : "a listed name not found");
            }
        }
    }
  g_assert_false (nkg_lexicon_is_name_part (test_lexicon, ""));
  g_assert_cmpuint (asked, >, 200000);
  g_assert_cmpuint (wrong, ==, 0);
}

static void
test_former_and_renamed_countries (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The plant was built when the Soviet Union still ran the "
                                              "region, long before Swaziland became Eswatini.");
  g_assert_cmpint (class_of (f, "Soviet Union"), ==, NKG_CLASS_COUNTRY);
  g_assert_cmpint (entity_named (f, "Swaziland"), ==, entity_named (f, "Eswatini"));
  NkgPlace p;
  g_assert_true (nkg_lexicon_place (test_lexicon, "USSR", &p));
  g_assert_cmpstr (p.name, ==, "Soviet Union");
  g_assert_true (nkg_lexicon_place (test_lexicon, "Macedonia", &p));
  g_assert_cmpstr (p.name, ==, "North Macedonia");
}

static void
test_remits_and_office_titles (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Minister for Labour and Pensions Mary Jonesby met Treasury Secretary Tom Reedley. "
    "Chief of Staff Karl Jensen and the mediator Matt Nimmer joined them.");
  g_assert_true (has_fact (f, "Mary Jonesby", NKG_PROP_JOB_TITLE, "Minister for Labour and Pensions"));
  g_assert_cmpint (entity_named (f, "Pensions Mary Jonesby"), ==, -1);
  g_assert_true (has_fact (f, "Tom Reedley", NKG_PROP_JOB_TITLE, "Treasury Secretary"));
  g_assert_true (has_fact (f, "Karl Jensen", NKG_PROP_JOB_TITLE, "Chief of Staff"));
  g_assert_cmpint (entity_named (f, "Staff Karl Jensen"), ==, -1);
}

/* A small town and its province's ISO 3166-2 code: the town is a place
 * of that country, the code no name of its own. Invented events. */
static void
test_town_with_province_code (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Stephenville, NL – A new port opened in Stephenville, NL, on "
                                              "Friday. A second one is planned in Bastrop, TX.");
  g_assert_cmpint (class_of (f, "Stephenville"), ==, NKG_CLASS_CITY);
  g_assert_cmpint (class_of (f, "Bastrop"), ==, NKG_CLASS_CITY);
  g_assert_cmpint (entity_named (f, "NL"), ==, -1);
  g_assert_cmpint (entity_named (f, "TX"), ==, -1);
  /* a code of a province where no such town lies is left alone */
  g_autoptr (NkgDocFacts) g = extract_string ("Analyst Tom Voi, NL said the plan would fail.");
  g_assert_cmpint (class_of (g, "Voi"), !=, NKG_CLASS_CITY);
}

/* Intergovernmental bodies by name or acronym alone, all forms one body
 * (data/bodies.tsv); invented events. */
static void
test_intergovernmental_bodies (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Mercosur leaders met in Asuncion on Monday. The Quad will meet in "
                                              "May. SCO members backed the plan, and the Shanghai Cooperation "
                                              "Organisation said so.");
  g_assert_cmpint (class_of (f, "Mercosur"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Quadrilateral Security Dialogue"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "Quad"), ==, entity_named (f, "Quadrilateral Security Dialogue"));
  g_assert_cmpint (entity_named (f, "SCO"), >=, 0);
  g_assert_cmpint (entity_named (f, "SCO"), ==, entity_named (f, "Shanghai Cooperation Organisation"));
  /* common words after a body's name are not part of it; a head is */
  g_autoptr (NkgDocFacts) g = extract_string ("The plan follows African Union Resolutions 12 and 14. The "
                                              "Mercosur Summit opened on Friday.");
  g_assert_cmpint (class_of (g, "African Union"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (g, "African Union Resolutions"), ==, -1);
  g_assert_cmpint (class_of (g, "Mercosur Summit"), ==, NKG_CLASS_EVENT);
  /* the Mekong countries' grouping, under either order of its rivers */
  g_autoptr (NkgDocFacts) h = extract_string ("Laos will work under the Lancang-Mekong Cooperation mechanism. "
                                              "The Mekong-Lancang Cooperation fund will help.");
  g_assert_cmpint (class_of (h, "Lancang-Mekong Cooperation"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (h, "Mekong-Lancang Cooperation"), ==, entity_named (h, "Lancang-Mekong Cooperation"));
  /* the UN system chart's programmes and regional commissions by their
   * acronyms; a regional centre that is no place */
  g_autoptr (NkgDocFacts) u = extract_string ("UN-Habitat and UNOPS will build the schools with ECLAC. The Asian "
                                              "Disaster Preparedness Center will train teachers.");
  g_assert_cmpint (class_of (u, "UN-Habitat"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (u, "UNOPS"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (u, "ECLAC"), ==, entity_named (u, "United Nations Economic Commission for Latin America and the Caribbean"));
  g_assert_cmpint (class_of (u, "Asian Disaster Preparedness Center"), ==, NKG_CLASS_ORG);
}

/* Nationality adjectives of the Pacific island states: a title's
 * country, not organisations. Invented officials. */
static void
test_pacific_demonyms (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Samoan Prime Minister Lefa Tuilagi met Tongan Foreign Minister "
                                              "Sione Vea in Apia. Samoa and Tonga signed a fisheries accord.");
  g_assert_cmpint (entity_named (f, "Samoan"), ==, -1);
  g_assert_cmpint (entity_named (f, "Tongan"), ==, -1);
  g_assert_true (has_fact (f, "Lefa Tuilagi", NKG_PROP_REPRESENTS, "Samoa"));
  g_assert_true (has_fact (f, "Sione Vea", NKG_PROP_REPRESENTS, "Tonga"));
}

/* A country by its short name in news ("Korea" for the Republic of Korea,
 * "Lao PDR" for Laos),
 * while the longer names of the other state and of bodies and papers
 * named after the country stay theirs. Invented events. */
static void
test_country_short_names (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Korea and Peru signed a fisheries accord in Lima. North Korea "
                                              "objected, the Korea Herald reported.");
  g_assert_cmpint (class_of (f, "South Korea"), ==, NKG_CLASS_COUNTRY);
  g_assert_true (has_fact (f, "South Korea", NKG_PROP_SIGNED, "fisheries accord"));
  g_assert_cmpint (class_of (f, "North Korea"), ==, NKG_CLASS_COUNTRY);
  g_assert_cmpint (entity_named (f, "North Korea"), !=, entity_named (f, "South Korea"));
  g_assert_cmpint (entity_named (f, "Korea Herald"), >=, 0);
  /* the name regional bodies use for Laos */
  g_autoptr (NkgDocFacts) g = extract_string ("The Lao PDR and Peru signed a trade accord in Lima.");
  g_assert_true (has_fact (g, "Laos", NKG_PROP_SIGNED, "trade accord"));
  g_assert_cmpint (entity_named (g, "PDR"), ==, -1);
}

/* A nationality and a head of one or two words ("Coast Guard", words.tsv)
 * name a national body, alone or as an official's employer before a
 * title; "Commandant" is a title. Invented officials. */
static void
test_national_bodies_before_titles (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Kenyan Coast Guard Commandant Ali Juma and Tanzanian Coast Guard "
                                              "Commandant Halima Mushi signed the pact. The Kenyan Air Force "
                                              "flew them home.");
  g_assert_true (has_fact (f, "Ali Juma", NKG_PROP_JOB_TITLE, "Commandant"));
  g_assert_true (has_fact (f, "Ali Juma", NKG_PROP_WORKS_FOR, "Kenyan Coast Guard"));
  g_assert_true (has_fact (f, "Halima Mushi", NKG_PROP_WORKS_FOR, "Tanzanian Coast Guard"));
  g_assert_cmpint (entity_named (f, "Coast Guard"), ==, -1);
  g_assert_cmpint (class_of (f, "Kenyan Air Force"), ==, NKG_CLASS_GOV_ORG);
}

/* nkg_lexicon_place keeps its answers per thread (lexicon.c): asked
 * again after thousands of other surfaces have taken its slots, after
 * the cache was dropped, and by a second lexicon made after the first is
 * gone, it answers as a thread that never asked before does. */
typedef struct {
  gboolean found;
  NkgClass klass;
  char *name, *country;
} PlaceAnswer;

static PlaceAnswer
place_answer (const NkgLexicon *lex, const char *surface)
{
  /* (not found, `out` is left as it was) */
  NkgPlace p = { NKG_CLASS_EVENT, "unchanged", NULL };
  PlaceAnswer a = { 0 };
  a.found = nkg_lexicon_place (lex, surface, &p);
  if (!a.found)
    g_assert_cmpstr (p.name, ==, "unchanged");
  if (a.found)
    {
      a.klass = p.klass;
      a.name = g_strdup (p.name);
      a.country = g_strdup (p.country);
    }
  return a;
}

static void
place_answer_clear (gpointer p)
{
  PlaceAnswer *a = p;
  g_free (a->name);
  g_free (a->country);
}

typedef struct {
  const NkgLexicon *lex;
  const char *surface;
  PlaceAnswer answer;
} FreshAsk;

static gpointer
fresh_ask (gpointer data)
{
  FreshAsk *q = data;
  q->answer = place_answer (q->lex, q->surface);
  return NULL;
}

static void
test_place_cache (void)
{
  static const char *const named[] = { "Bombay", "KIEV", "Nairobi", "Kenya", "Adams", "Valley", "Lima",
                                       "Washington, D.C.", "ISTANBUL", "Addis Abeba", "Quito", "Peru",
                                       "Nanyuki", "Alma-Ata", "Chile", "NAIROBI", "Kenyan", "Mombasa" };
  enum { N = G_N_ELEMENTS (named) };
  g_autoptr (GPtrArray) surfaces = g_ptr_array_new_with_free_func (g_free);
  /* shouts of four letters and more may be places: each is looked up,
   * and found none */
  for (guint i = 0; i < 3 * 4096; i++)
    g_ptr_array_add (surfaces, i % 5 ? g_strdup_printf ("QX%05u", i) : g_strdup (named[(i / 5) % N]));
  g_autoptr (GError) error = NULL;
  NkgLexicon *lex = nkg_lexicon_new (&error);
  g_assert_no_error (error);
  /* each named surface asked by a thread of its own, whose cache is empty */
  FreshAsk fresh[N];
  for (guint k = 0; k < N; k++)
    {
      fresh[k] = (FreshAsk) { lex, named[k], { 0 } };
      g_thread_join (g_thread_new ("fresh", fresh_ask, &fresh[k]));
    }
  g_assert_cmpstr (fresh[0].answer.name, ==, "Mumbai");
  g_assert_false (fresh[16].answer.found); /* "Kenyan" */
  guint found = 0;
  for (guint round = 0; round < 3; round++)
    {
      if (round == 1)
        nkg_lexicon_drop_place_cache (); /* and made again */
      if (round == 2)
        {
          nkg_lexicon_free (lex);
          lex = nkg_lexicon_new (&error);
          g_assert_no_error (error);
        }
      for (guint i = 0; i < surfaces->len; i++)
        {
          PlaceAnswer b = place_answer (lex, g_ptr_array_index (surfaces, i));
          PlaceAnswer none = { 0 };
          const PlaceAnswer *a = i % 5 ? &none : &fresh[(i / 5) % N].answer;
          found += b.found;
          if (a->found != b.found || a->klass != b.klass || g_strcmp0 (a->name, b.name) || g_strcmp0 (a->country, b.country))
            g_error ("%s, round %u: answer %s (%s), a fresh thread's %s (%s)", (const char *) g_ptr_array_index (surfaces, i),
                     round, b.found ? b.name : "none", b.country, a->found ? a->name : "none", a->country);
          place_answer_clear (&b);
        }
    }
  g_assert_cmpuint (found, >, 1000);
  nkg_lexicon_free (lex);
  for (guint k = 0; k < N; k++)
    place_answer_clear (&fresh[k].answer);
}

GResource *nkg_data_get_resource (void);

/* The gazetteer's index (record offsets, buckets and Bloom filter, made at
 * build time by data/nkg-tableindex) finds every key of gazetteer.tsv, as
 * a walk of the table would: a town look-up of each key that is no word,
 * demonym or shout gives its first record's name, and the key with a
 * letter more is found only when that is a key too. */
static void
test_gazetteer_index_finds_every_key (void)
{
  g_autoptr (GBytes) bytes = g_resource_lookup_data (nkg_data_get_resource (), "/org/newskg/data/gazetteer.tsv",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (bytes);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len), *end = data + len;
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) firsts = g_ptr_array_new ();
  for (const char *p = data; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      if (*p != '#' && !g_hash_table_contains (keys, p))
        {
          g_hash_table_add (keys, (gpointer) p);
          g_ptr_array_add (firsts, (gpointer) p);
        }
      p = nl ? nl + 1 : end;
    }
  g_assert_cmpuint (firsts->len, >, 100000);
  guint asked = 0, wrong = 0;
  for (guint i = 0; i < firsts->len; i++)
    {
      const char *key = g_ptr_array_index (firsts, i);
      const char *name = key + strlen (key) + 1;
      g_autofree char *lower = g_utf8_strdown (key, -1);
      g_autofree char *rekeyed = nkg_text_key (key);
      if (nkg_lexicon_word (test_lexicon, lower) || nkg_lexicon_demonym (test_lexicon, key)
          || (strlen (key) > 3 && nkg_text_is_upper (key)) || strcmp (rekeyed, key) != 0)
        continue;
      NkgPlace p = { 0 };
      asked++;
      if (!nkg_lexicon_town (test_lexicon, key, NULL, &p) || g_strcmp0 (p.name, *name ? name : key) != 0)
        {
          if (wrong++ < 5)
            g_test_message ("\"%s\": not found as its first record", key);
        }
      g_autofree char *longer = g_strconcat (key, "q", NULL);
      asked++;
      if (nkg_lexicon_town (test_lexicon, longer, NULL, NULL) != g_hash_table_contains (keys, longer))
        {
          if (wrong++ < 5)
            g_test_message ("\"%s\": not as listed", longer);
        }
    }
  g_assert_cmpuint (asked, >, 100000);
  g_assert_cmpuint (wrong, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  test_lexicon = nkg_lexicon_new (&error);
  g_assert_no_error (error);
  g_test_add_func ("/extract/data/gazetteer-alternate-names", test_gazetteer_alternate_names);
  g_test_add_func ("/extract/data/place-maybe", test_place_maybe);
  g_test_add_func ("/extract/data/renamed-capitals", test_renamed_capitals);
  g_test_add_func ("/extract/data/named-provinces", test_named_provinces);
  g_test_add_func ("/extract/data/town-by-cue", test_town_by_cue);
  g_test_add_func ("/extract/data/town-needs-cue", test_town_needs_cue);
  g_test_add_func ("/extract/data/town-in-dateline", test_town_in_dateline);
  g_test_add_func ("/extract/data/village-unknown-to-gazetteer", test_village_unknown_to_gazetteer);
  g_test_add_func ("/extract/data/news-outlets", test_news_outlets);
  g_test_add_func ("/extract/data/seats-of-government", test_seats_of_government);
  g_test_add_func ("/extract/data/styles-and-titles", test_styles_and_titles);
  g_test_add_func ("/extract/data/remits-and-office-titles", test_remits_and_office_titles);
  g_test_add_func ("/extract/data/former-and-renamed-countries", test_former_and_renamed_countries);
  g_test_add_func ("/extract/data/country-short-names", test_country_short_names);
  g_test_add_func ("/extract/data/national-bodies-before-titles", test_national_bodies_before_titles);
  g_test_add_func ("/extract/data/accented-given-names", test_accented_given_names);
  g_test_add_func ("/extract/data/name-parts-as-listed", test_name_parts_as_listed);
  g_test_add_func ("/extract/data/listed-cities-no-signing-place", test_listed_cities_no_signing_place);
  g_test_add_func ("/extract/data/agreement-kinds-and-quantities", test_agreement_kinds_and_quantities);
  g_test_add_func ("/extract/data/town-with-province-code", test_town_with_province_code);
  g_test_add_func ("/extract/data/intergovernmental-bodies", test_intergovernmental_bodies);
  g_test_add_func ("/extract/data/pacific-demonyms", test_pacific_demonyms);
  g_test_add_func ("/extract/data/place-cache", test_place_cache);
  g_test_add_func ("/extract/data/gazetteer-index-finds-every-key", test_gazetteer_index_finds_every_key);
  int r = g_test_run ();
  nkg_lexicon_free (test_lexicon);
  return r;
}
