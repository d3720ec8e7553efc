/* Unit tests for the relation patterns of extract/relations.c, one
 * sentence each, with the negative cases beside the positive ones. */
#include "test-extract-helpers.h"

static void
test_title_before_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Indian Defence Minister Arjun Mehra met US Secretary of War Greg Walton in India.");
  g_assert_true (has_fact (f, "Arjun Mehra", NKG_PROP_JOB_TITLE, "Defence Minister"));
  g_assert_true (has_fact (f, "Arjun Mehra", NKG_PROP_REPRESENTS, "India"));
  g_assert_true (has_fact (f, "Greg Walton", NKG_PROP_JOB_TITLE, "Secretary of War"));
  g_assert_true (has_fact (f, "Greg Walton", NKG_PROP_REPRESENTS, "United States"));
  g_assert_true (has_fact (f, "Arjun Mehra", NKG_PROP_MET, "Greg Walton"));
}

static void
test_title_lower_case_and_apposition (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The accord was signed by Chilean defence minister Rodrigo Salas and "
                                              "Peru foreign minister Elena Vargas. Peru and Chile welcomed it.");
  g_assert_true (has_fact (f, "Rodrigo Salas", NKG_PROP_JOB_TITLE, "defence minister"));
  g_assert_true (has_fact (f, "Rodrigo Salas", NKG_PROP_REPRESENTS, "Chile"));
  g_assert_true (has_fact (f, "Elena Vargas", NKG_PROP_REPRESENTS, "Peru"));
  g_autoptr (NkgDocFacts) g = extract_string ("Daniel Whitford, Defence Secretary of Canada, praised the accord.");
  g_assert_true (has_fact (g, "Daniel Whitford", NKG_PROP_JOB_TITLE, "Defence Secretary"));
  g_assert_true (has_fact (g, "Daniel Whitford", NKG_PROP_REPRESENTS, "Canada"));
}

static void
test_works_for (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Novagaz CEO Sergei Volkov spoke in Russia.");
  g_assert_true (has_fact (f, "Sergei Volkov", NKG_PROP_JOB_TITLE, "CEO"));
  g_assert_true (has_fact (f, "Sergei Volkov", NKG_PROP_WORKS_FOR, "Novagaz"));
}

static void
test_signing_active (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (" date 2025-03-14 Chile and Brazil on Friday signed a 12-year "
                                              "security framework in Lima, Peru.");
  const char *a = "12-year security framework";
  g_assert_true (has_fact (f, "Chile", NKG_PROP_SIGNED, a));
  g_assert_true (has_fact (f, "Brazil", NKG_PROP_SIGNED, a));
  g_assert_true (has_fact (f, a, NKG_PROP_PARTY, "Chile"));
  g_assert_true (has_fact (f, a, NKG_PROP_SIGNED_IN, "Lima"));
  g_assert_true (has_fact (f, a, NKG_PROP_SIGNED_ON, "2025-03-14"));
  g_assert_true (has_fact (f, a, NKG_PROP_DURATION, "P12Y"));
  g_assert_true (has_fact (f, "Lima", NKG_PROP_CONTAINED_IN, "Peru"));
}

static void
test_signing_synonyms (void)
{
  /* Journalists' words for concluding an agreement: "struck", "clinched" a
   * deal (words.tsv, role sign); initialling a text is not signing it
   * (test-extract-events.c /extract/signing/not-signings). */
  const char *verbs[] = { "struck", "clinched" };
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_autofree char *s = g_strdup_printf ("Chilean Fisheries Minister Ana Costa and Peruvian Fisheries Minister "
                                            "Luis Vargas %s a fisheries accord in Lima on Monday.", verbs[i]);
      g_autoptr (NkgDocFacts) f = extract_string (s);
      g_assert_true (has_fact (f, "Ana Costa", NKG_PROP_SIGNED, "fisheries accord"));
      g_assert_true (has_fact (f, "Luis Vargas", NKG_PROP_SIGNED, "fisheries accord"));
      g_assert_true (has_fact (f, "fisheries accord", NKG_PROP_SIGNED_IN, "Lima"));
    }
  /* not every strike is a signing */
  g_autoptr (NkgDocFacts) g = extract_string ("A storm struck Lima, where Chilean Fisheries Minister Ana Costa praised the accord.");
  g_assert_false (has_fact (g, "Ana Costa", NKG_PROP_SIGNED, "accord"));
}

static void
test_signing_passive (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The treaty was signed by the presidents of Chile (Gabriel Ortega) and "
                                              "Peru (Luis Herrera) in Cusco.");
  g_assert_true (has_fact (f, "Gabriel Ortega", NKG_PROP_SIGNED, "treaty"));
  g_assert_true (has_fact (f, "Luis Herrera", NKG_PROP_SIGNED, "treaty"));
  g_assert_true (has_fact (f, "Gabriel Ortega", NKG_PROP_REPRESENTS, "Chile"));
  g_assert_true (has_fact (f, "Luis Herrera", NKG_PROP_JOB_TITLE, "president"));
  g_assert_true (has_fact (f, "treaty", NKG_PROP_SIGNED_IN, "Cusco"));
}

static void
test_planned_signing_is_not_signing (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Israel and the UAE will sign an agreement at the White House. "
                                              "Kenya is set to sign a trade pact with Japan.");
  g_assert_cmpuint (count_facts (f, NKG_PROP_SIGNED), ==, 0);
  g_assert_cmpuint (count_facts (f, NKG_PROP_SIGNED_IN), ==, 0);
}

static void
test_no_date_without_article_date (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("India and Japan on Friday signed a defence pact.");
  g_assert_cmpuint (count_facts (f, NKG_PROP_SIGNED), ==, 2);
  g_assert_cmpuint (count_facts (f, NKG_PROP_SIGNED_ON), ==, 0);
}

static void
test_replaces (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("India and Japan signed a new framework. The framework, which replaces "
                                              "the earlier 2015 agreement, is broad.");
  g_assert_true (has_fact (f, "new framework", NKG_PROP_REPLACES, "earlier 2015 agreement"));
}

static void
test_events (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (" date 2025-04-10 Marta Ruiz spoke on the sidelines of the Andean-Nordic "
                                              "Trade Ministers’ Informal Meeting in Quito, which precedes "
                                              "the Andean Trade Ministers’ Meeting-Plus scheduled for April 12.");
  const char *ev = "Andean-Nordic Trade Ministers’ Informal Meeting";
  g_assert_true (has_fact (f, "Marta Ruiz", NKG_PROP_ATTENDED, ev));
  g_assert_true (has_fact (f, ev, NKG_PROP_LOCATION, "Quito"));
  g_assert_true (has_fact (f, "Andean Trade Ministers’ Meeting-Plus", NKG_PROP_START_DATE, "2025-04-12"));
}

static void
test_same_side_did_not_meet (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The documents were signed by Pakistani Finance Minister Imran Qadir and "
                                              "Pakistani Planning Minister Tariq Rehman. Pakistan and China agreed.");
  g_assert_cmpuint (count_facts (f, NKG_PROP_MET), ==, 0);
}

static void
test_home_country (void)
{
  /* A country named in the official's own sentence and qualifying nobody. */
  g_autoptr (NkgDocFacts) f = extract_string ("Commerce Minister Anand Mehta said India will not sign any deal in haste.");
  g_assert_true (has_fact (f, "Anand Mehta", NKG_PROP_REPRESENTS, "India"));
  /* "US Secretary of State John Doyle" is American, so the US is no cue
   * for the unqualified minister beside him; nor is "US–India ties". */
  g_autoptr (NkgDocFacts) g = extract_string ("Foreign Affairs Minister K. Mensah met US Secretary of State "
                                              "John Doyle to discuss US–Ghana ties.");
  g_assert_false (has_fact (g, "K. Mensah", NKG_PROP_REPRESENTS, "United States"));
  g_assert_true (has_fact (g, "John Doyle", NKG_PROP_REPRESENTS, "United States"));
}

static void
test_home_country_nearby (void)
{
  /* The country the sentence before speaks of, for a bare title. */
  g_autoptr (NkgDocFacts) f = extract_string ("Japan's cabinet backed the accord on Monday. "
                                              "Prime Minister Taro Yamada called the vote historic.");
  g_assert_true (has_fact (f, "Taro Yamada", NKG_PROP_REPRESENTS, "Japan"));
  /* Two other countries beside him: not the home country's, and not
   * guessed either. */
  g_autoptr (NkgDocFacts) g = extract_string (
      "Philippine Defence Secretary Miguel Torres and Japanese Foreign Minister Hana Sato signed the pact. "
      "The Philippines and Japan signed it in Manila, communications secretary Ana Cruz said. "
      "The United States welcomed the pact. The United States is an ally of both.");
  g_assert_false (has_fact (g, "Ana Cruz", NKG_PROP_REPRESENTS, "United States"));
  g_assert_false (has_fact (g, "Ana Cruz", NKG_PROP_REPRESENTS, "Japan"));
  /* Where a city lies and whose counterpart someone is say nothing of him. */
  g_autoptr (NkgDocFacts) h = extract_string ("Defence Minister Paulo Mendes and his US counterpart Greg Walton met "
                                              "in Lima, Peru. Brazil and the United States signed the "
                                              "framework. Brazil hailed it.");
  g_assert_false (has_fact (h, "Paulo Mendes", NKG_PROP_REPRESENTS, "Peru"));
  g_assert_false (has_fact (h, "Paulo Mendes", NKG_PROP_REPRESENTS, "United States"));
  /* A nationality in the title makes him nobody else's official, even
   * when his country is never named. */
  g_autoptr (NkgDocFacts) m = extract_string ("While the U.K. has not sent troops, French President Julien Moreau "
                                              "is discussing sending them.");
  g_assert_false (has_fact (m, "Julien Moreau", NKG_PROP_REPRESENTS, "United Kingdom"));
  /* Written from Manila, a bare title is no American official, even
   * though the text names the United States most; from Washington it is. */
  g_autoptr (NkgDocFacts) d = extract_string ("MANILA (Reuters) — Defence Secretary Miguel Torres said on Monday the "
                                              "pact would help.\nThe United States welcomed the pact. The United "
                                              "States is an ally.\n");
  g_assert_false (has_fact (d, "Miguel Torres", NKG_PROP_REPRESENTS, "United States"));
  g_autoptr (NkgDocFacts) w = extract_string ("WASHINGTON (Reuters) — Defence Secretary Lloyd Austin said on Monday "
                                              "the pact would help.\nThe United States welcomed the pact. The United "
                                              "States is an ally.\n");
  g_assert_true (has_fact (w, "Lloyd Austin", NKG_PROP_REPRESENTS, "United States"));
}

static void
test_seat_of_government (void)
{
  /* Before a title the seat is the government body of its country. */
  g_autoptr (NkgDocFacts) f = extract_string ("White House spokesman Tom Reed said the United States would wait. "
                                              "Kremlin spokesman Ivan Orlov said Russia would too.");
  g_assert_true (has_fact (f, "Tom Reed", NKG_PROP_WORKS_FOR, "White House"));
  g_assert_true (has_fact (f, "Tom Reed", NKG_PROP_REPRESENTS, "United States"));
  g_assert_cmpint (class_of (f, "White House"), ==, NKG_CLASS_GOV_ORG);
  g_assert_true (has_fact (f, "Ivan Orlov", NKG_PROP_WORKS_FOR, "Kremlin"));
  g_assert_true (has_fact (f, "Ivan Orlov", NKG_PROP_REPRESENTS, "Russia"));
  /* "at the White House" is where something happens. */
  g_autoptr (NkgDocFacts) g = extract_string ("The two leaders met at the White House on Thursday.");
  g_assert_cmpint (class_of (g, "White House"), !=, NKG_CLASS_GOV_ORG);
  /* A word capitalised by position before the seat is no part of it: the
   * seat is looked up without it. */
  g_autoptr (NkgDocFacts) h = extract_string ("Meanwhile Kremlin spokesman Dmitry Volkin told reporters the deal was near.");
  g_assert_true (has_fact (h, "Dmitry Volkin", NKG_PROP_WORKS_FOR, "Kremlin"));
}

static void
test_officials_of_international_bodies (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
      "European Commission President Anna Berg met NATO Secretary General Lars Holm in Brussels. "
      "EU Trade Commissioner Piet Dekker joined them, and the European Union welcomed the talks. "
      "Novagaz CEO Ivan Sokolov did not comment.");
  g_assert_true (has_fact (f, "Anna Berg", NKG_PROP_REPRESENTS, "European Union"));
  g_assert_true (has_fact (f, "Lars Holm", NKG_PROP_REPRESENTS, "NATO"));
  g_assert_true (has_fact (f, "Piet Dekker", NKG_PROP_REPRESENTS, "European Union"));
  /* A company's chief works for it; he is no official acting for it. */
  g_assert_false (has_fact (f, "Ivan Sokolov", NKG_PROP_REPRESENTS, "Novagaz"));
  /* Possessive countries before and after the name. */
  g_autoptr (NkgDocFacts) g = extract_string ("Azerbaijan's Foreign Minister Jeyhun Mammadli met Ararat Petrosyan, "
                                              "Armenia's foreign minister, in Almaty.");
  g_assert_true (has_fact (g, "Jeyhun Mammadli", NKG_PROP_REPRESENTS, "Azerbaijan"));
  g_assert_true (has_fact (g, "Ararat Petrosyan", NKG_PROP_REPRESENTS, "Armenia"));
}

static void
test_coordinated_signers_and_onlookers (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Japanese Foreign Minister Hana Sato and Philippine Defence Secretary "
                                              "Miguel Torres signed the pact, with President Ramon Aquino Jr. "
                                              "witnessing the ceremony at Malacanang Palace.");
  g_assert_true (has_fact (f, "Hana Sato", NKG_PROP_SIGNED, "pact"));
  g_assert_true (has_fact (f, "Miguel Torres", NKG_PROP_SIGNED, "pact"));
  g_assert_false (has_fact (f, "Ramon Aquino Jr.", NKG_PROP_SIGNED, "pact"));
  g_assert_false (has_fact (f, "Ramon Aquino Jr.", NKG_PROP_MET, "Hana Sato"));
  g_assert_true (has_fact (f, "pact", NKG_PROP_SIGNED_IN, "Malacanang Palace"));
  /* met is stated once; graph/ adds the reverse. */
  g_assert_cmpuint (count_facts (f, NKG_PROP_MET), ==, 1);
}

static void
test_respectively_and_planned_parties (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Foreign Minister Lars Berg and Foreign Minister Ana Soto, on behalf "
                                              "of the governments of Norway and Chile respectively, signed "
                                              "the framework agreement.");
  g_assert_true (has_fact (f, "Lars Berg", NKG_PROP_REPRESENTS, "Norway"));
  g_assert_true (has_fact (f, "Ana Soto", NKG_PROP_REPRESENTS, "Chile"));
  g_assert_false (has_fact (f, "Lars Berg", NKG_PROP_REPRESENTS, "Chile"));
  g_assert_true (has_fact (f, "Lars Berg", NKG_PROP_SIGNED, "framework agreement"));
  g_autoptr (NkgDocFacts) g = extract_string ("Rwanda and the Democratic Republic of the Congo (DRC) will sign a US-brokered "
                                              "agreement in Washington next month.");
  g_assert_true (has_fact (g, "US-brokered agreement", NKG_PROP_PARTY, "Rwanda"));
  g_assert_true (has_fact (g, "US-brokered agreement", NKG_PROP_PARTY, "Democratic Republic of the Congo"));
  /* A broker is no party, and a plan is no signing. */
  g_assert_false (has_fact (g, "US-brokered agreement", NKG_PROP_PARTY, "United States"));
  g_assert_cmpuint (count_facts (g, NKG_PROP_SIGNED), ==, 0);
}

static void
test_signing_continues (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The talks were followed by the signing of two accords between Brazil and Canada.\n"
    "“A MoU was signed on student exchanges and a Letter of Arrangement between Brazilian Space Research "
    "Institute (BSRI) and Canada's National Research Council (NRCC),” the ministry said.\n");
  g_assert_true (has_fact (f, "Brazil", NKG_PROP_SIGNED, "MoU"));
  g_assert_true (has_fact (f, "Canada", NKG_PROP_SIGNED, "MoU"));
  g_assert_true (has_fact (f, "Brazil", NKG_PROP_SIGNED, "Letter of Arrangement"));
  g_assert_true (has_fact (f, "BSRI", NKG_PROP_SIGNED, "Letter of Arrangement"));
  /* BSRI signed the letter, not the MoU. */
  g_assert_false (has_fact (f, "BSRI", NKG_PROP_SIGNED, "MoU"));
}

static void
test_plural_anaphors (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Vietnamese Prime Minister Vu Thanh Lam and his Australian counterpart Anthony Carrow signed a joint "
    "statement in Melbourne. Vietnam and Australia are close.\n"
    "The two sides also signed three memorandums of understanding on agriculture.\n");
  const char *mous = "three memorandums of understanding on agriculture";
  g_assert_true (has_fact (f, "Vietnam", NKG_PROP_SIGNED, mous));
  g_assert_true (has_fact (f, "Australia", NKG_PROP_SIGNED, mous));
  g_assert_true (has_fact (f, "Vu Thanh Lam", NKG_PROP_SIGNED, "joint statement"));
  g_assert_true (has_fact (f, "Anthony Carrow", NKG_PROP_REPRESENTS, "Australia"));
}

static void
test_title_of_country (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The document was signed by Minister of Defence of Mongolia Gursed Saikhanbayar in Ulaanbaatar. "
    "Ganbaatar Dorj, spokesperson of the Mongolian Ministry of Foreign Affairs, said it was a success.");
  g_assert_true (has_fact (f, "Gursed Saikhanbayar", NKG_PROP_JOB_TITLE, "Minister of Defence"));
  g_assert_true (has_fact (f, "Gursed Saikhanbayar", NKG_PROP_REPRESENTS, "Mongolia"));
  g_assert_true (has_fact (f, "Ganbaatar Dorj", NKG_PROP_JOB_TITLE, "spokesperson"));
  g_assert_true (has_fact (f, "Ganbaatar Dorj", NKG_PROP_WORKS_FOR, "Ministry of Foreign Affairs"));
  g_assert_true (has_fact (f, "Ganbaatar Dorj", NKG_PROP_REPRESENTS, "Mongolia"));
}

/* "signed X with Y": Y is a signatory too, and the two met; a country
 * named only to qualify Y's title is no subject of the verb, but it signs
 * through its official (the document rule party-signs). */
static void
test_signed_with_person (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Date: 2024-02-12\n"
    "Finnish Trade Minister Ville Koskinen praised the accord he signed with Chile's Economy Minister Nicolas Ferrand.\n"
    "Kenyan Energy Minister Davis Kiprono signed the supply deal with Vestas chief executive Henrik Andersen in Nairobi.\n");
  g_assert_true (has_fact (f, "Nicolas Ferrand", NKG_PROP_SIGNED, "accord"));
  g_assert_true (has_fact (f, "Ville Koskinen", NKG_PROP_SIGNED, "accord"));
  g_assert_true (has_fact (f, "Ville Koskinen", NKG_PROP_MET, "Nicolas Ferrand"));
  g_assert_true (has_fact (f, "Chile", NKG_PROP_SIGNED, "accord"));
  g_assert_true (has_fact (f, "accord", NKG_PROP_PARTY, "Chile"));
  g_assert_cmpint (class_of (f, "Henrik Andersen"), ==, NKG_CLASS_PERSON);
  g_assert_true (has_fact (f, "Henrik Andersen", NKG_PROP_SIGNED, "supply deal"));
  g_assert_true (has_fact (f, "Davis Kiprono", NKG_PROP_SIGNED, "supply deal"));
  g_assert_true (has_fact (f, "Davis Kiprono", NKG_PROP_MET, "Henrik Andersen"));
  g_assert_true (has_fact (f, "supply deal", NKG_PROP_PARTY, "Vestas"));
}

/* A Korean given name's lower-case second syllable stays in the name. */
static void
test_hyphenated_given_name (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("The order was signed by shipyard president Kim Dong-kwan in Busan.");
  g_assert_cmpint (class_of (f, "Kim Dong-kwan"), ==, NKG_CLASS_PERSON);
}

/* A title with its remit before a comma: the remit stays unless it is
 * a country, which the official then represents. */
static void
test_title_with_remit_before_comma (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The Minister for Fisheries, Tamsin Oduya, opened the harbour in Kenya.\n"
    "The High Commissioner of Canada to Kenya, Pieter Vansloot, attended.\n"
    "Its director-general, Ravi Menon-Dass, spoke briefly.\n");
  g_assert_true (has_fact (f, "Tamsin Oduya", NKG_PROP_JOB_TITLE, "Minister for Fisheries"));
  g_assert_true (has_fact (f, "Pieter Vansloot", NKG_PROP_REPRESENTS, "Canada"));
  g_assert_false (has_fact (f, "Pieter Vansloot", NKG_PROP_REPRESENTS, "Kenya"));
  g_assert_true (has_fact (f, "Ravi Menon-Dass", NKG_PROP_JOB_TITLE, "director-general"));
}

/* "He also called on X and met Y": the subject of the sentence before
 * met both; X and Y did not meet each other. */
static void
test_pronoun_subject_meets (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Foreign Minister Arvid Lunde arrived in Quito on Monday.\n"
    "He also called on President Marisol Tapia and met Finance Minister Bruno Ocampo.\n");
  g_assert_true (has_fact (f, "Arvid Lunde", NKG_PROP_MET, "Marisol Tapia"));
  g_assert_true (has_fact (f, "Arvid Lunde", NKG_PROP_MET, "Bruno Ocampo"));
  g_assert_false (has_fact (f, "Marisol Tapia", NKG_PROP_MET, "Bruno Ocampo"));
}

/* "a 2019 memorandum signed by A and B's Council" is passive; a country
 * that only qualifies the next signer is no signer by that phrase (Peru
 * signs through its minister, the document rule party-signs). */
static void
test_reduced_passive_and_qualifiers (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Oman rejected a 2018 memorandum signed by Yemen and Somalia's Transitional Council.\n"
    "The accord was signed by Chilean Mining Minister Aurelio Vidal and Peru's Energy Minister Rosa Quispe.\n");
  g_assert_true (has_fact (f, "Yemen", NKG_PROP_SIGNED, "2018 memorandum"));
  g_assert_true (has_fact (f, "Transitional Council", NKG_PROP_SIGNED, "2018 memorandum"));
  g_assert_false (has_fact (f, "Somalia", NKG_PROP_SIGNED, "2018 memorandum"));
  g_assert_false (has_fact (f, "Oman", NKG_PROP_SIGNED, "2018 memorandum"));
  g_assert_true (has_fact (f, "Rosa Quispe", NKG_PROP_SIGNED, "accord"));
  g_assert_true (has_fact (f, "Peru", NKG_PROP_SIGNED, "accord"));
  g_assert_true (has_fact (f, "accord", NKG_PROP_PARTY, "Peru"));
}

/* Appositions: "group chief executive of X", "director-general of X",
 * "commissioner for energy, Y". */
static void
test_apposed_compound_titles (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The deal was signed by Obi Nwosu, group chief executive of Lagos Gas Company, and "
    "Lina Haddad, director-general of Jordan's Water Authority.\n"
    "Also present was the regional commissioner for energy, Sekou Traore.\n");
  g_assert_true (has_fact (f, "Obi Nwosu", NKG_PROP_JOB_TITLE, "chief executive"));
  g_assert_true (has_fact (f, "Lina Haddad", NKG_PROP_JOB_TITLE, "director-general"));
  g_assert_true (has_fact (f, "Sekou Traore", NKG_PROP_JOB_TITLE, "commissioner for energy"));
}

/* "Agency head X" works for the agency; onlookers "in the presence of"
 * did not meet the signers; "X, a fellow at Y" is a person. */
static void
test_head_presence_and_fellows (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The deal was signed by Norvatom head Ilya Samarin and Kyrgyz Energy Minister Taalaibek Ibraev "
    "in the presence of Kyrgyz President Sadyk Usenov.\n"
    "“This is about influence,” said Aidar Kasymov, a fellow at the Bishkek Policy Institute.\n");
  g_assert_true (has_fact (f, "Ilya Samarin", NKG_PROP_WORKS_FOR, "Norvatom"));
  g_assert_true (has_fact (f, "Ilya Samarin", NKG_PROP_MET, "Taalaibek Ibraev"));
  g_assert_false (has_fact (f, "Sadyk Usenov", NKG_PROP_MET, "Taalaibek Ibraev"));
  g_assert_false (has_fact (f, "Sadyk Usenov", NKG_PROP_SIGNED, "deal"));
  g_assert_cmpint (class_of (f, "Aidar Kasymov"), ==, NKG_CLASS_PERSON);
}

/* Those who witnessed a signing together met one another, not the
 * signers. */
static void
test_witnesses_met (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The signing was witnessed by Malian President Assimi Goita and Guinean Prime Minister Amadou Bah "
    "as the ministers concerned signed the documents.\n");
  g_assert_true (has_fact (f, "Assimi Goita", NKG_PROP_MET, "Amadou Bah"));
}

/* Compound adjectives in a signing subject; military ranks; a second
 * title before a comma. */
static void
test_ranks_and_compound_adjectives (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Oman and oil-rich Brunei signed a defence pact on Monday.\n"
    "Brunei's navy chief, Air Marshal Hamdan Yusof, attended.\n");
  g_assert_true (has_fact (f, "Oman", NKG_PROP_SIGNED, "defence pact"));
  g_assert_true (has_fact (f, "Brunei", NKG_PROP_SIGNED, "defence pact"));
  g_assert_true (has_fact (f, "Hamdan Yusof", NKG_PROP_JOB_TITLE, "Air Marshal"));
  g_assert_true (has_fact (f, "Hamdan Yusof", NKG_PROP_JOB_TITLE, "navy chief"));
  g_assert_true (has_fact (f, "Hamdan Yusof", NKG_PROP_REPRESENTS, "Brunei"));
  g_assert_cmpint (entity_named (f, "Air"), ==, -1);
}

/* "Cabinet Secretary" is one title, not a secretary of a body named
 * Cabinet. */
static void
test_cabinet_secretary (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Kenyan Cabinet Secretary for Trade Rose Wanjiru signed the pact.\n");
  g_assert_true (has_fact (f, "Rose Wanjiru", NKG_PROP_JOB_TITLE, "Cabinet Secretary for Trade"));
  g_assert_cmpint (entity_named (f, "Cabinet"), ==, -1);
}

/* "leader" and "foreign policy chief" are titles; talks sought are no
 * meeting. */
static void
test_leaders_and_sought_talks (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Opposition leader Tariq Hamdan and EU foreign policy chief Greta Lind spoke on Monday.\n"
    "President Omar Sefu has sought talks with Hamdan.\n");
  g_assert_true (has_fact (f, "Tariq Hamdan", NKG_PROP_JOB_TITLE, "leader"));
  g_assert_true (has_fact (f, "Greta Lind", NKG_PROP_JOB_TITLE, "foreign policy chief"));
  g_assert_false (has_fact (f, "Omar Sefu", NKG_PROP_MET, "Tariq Hamdan"));
}

/* A rank and then a remit: "Minister of State for Defence X". */
static void
test_rank_then_remit (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Union Minister of State for Agriculture Leela Menon and "
                                              "Kenyan Minister for Trade Peter Mbugua met in Delhi.\n");
  g_assert_true (has_fact (f, "Leela Menon", NKG_PROP_JOB_TITLE, "Union Minister of State for Agriculture"));
  g_assert_cmpint (class_of (f, "Leela Menon"), ==, NKG_CLASS_PERSON);
  g_assert_true (has_fact (f, "Peter Mbugua", NKG_PROP_JOB_TITLE, "Minister for Trade"));
}

/* A lone subject met each person named after it; those did not meet one
 * another. A coordinated subject still meets pairwise. */
static void
test_subject_meets_each (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "President Ana Ruiz, who met Prime Minister Jonas Berg on Monday, later held talks with Chancellor Petra Voss.\n"
    "Senegal's Minister Omar Diallo, Chile's Minister Ines Prado and Denmark's Minister Kai Lund met in Dakar.\n");
  g_assert_true (has_fact (f, "Ana Ruiz", NKG_PROP_MET, "Jonas Berg"));
  g_assert_true (has_fact (f, "Ana Ruiz", NKG_PROP_MET, "Petra Voss"));
  g_assert_false (has_fact (f, "Jonas Berg", NKG_PROP_MET, "Petra Voss"));
  g_assert_true (has_fact (f, "Ines Prado", NKG_PROP_MET, "Kai Lund"));
}

/* "X signed on behalf of Y": X signed the article's agreement. */
static void
test_signed_on_behalf (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Date: 2024-03-02\nTogo and Benin signed a border agreement on Friday.\n"
    "The Minister for Foreign Affairs, Koffi Ameganvi, signed on behalf of the Government of Togo.\n");
  g_assert_true (has_fact (f, "Koffi Ameganvi", NKG_PROP_SIGNED, "border agreement"));
}

/* "A signed on behalf of X, while B signed for his country": both. */
static void
test_second_signer_in_sentence (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Date: 2024-03-02\nTogo and Japan signed a grant agreement on Friday.\n"
    "The Minister for Finance, Sani Bawa, signed on behalf of Togo, while the Ambassador of Japan to Togo, "
    "Kenji Mori, signed for his country.\n");
  g_assert_true (has_fact (f, "Sani Bawa", NKG_PROP_SIGNED, "grant agreement"));
  g_assert_true (has_fact (f, "Kenji Mori", NKG_PROP_SIGNED, "grant agreement"));
}

/* "ministry official X and Turkish Aerospace general manager Y": two
 * people and a company, not one body named "X and Turkish Aerospace". */
static void
test_officials_of_two_sides (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The deal was signed by ministry official Rudi Santoso and Turkish Aerospace general manager Emre Kaya.\n");
  g_assert_cmpint (class_of (f, "Rudi Santoso"), ==, NKG_CLASS_PERSON);
  g_assert_cmpint (class_of (f, "Emre Kaya"), ==, NKG_CLASS_PERSON);
  g_assert_true (has_fact (f, "Emre Kaya", NKG_PROP_JOB_TITLE, "general manager"));
  g_assert_true (has_fact (f, "Emre Kaya", NKG_PROP_WORKS_FOR, "Turkish Aerospace"));
  g_assert_cmpint (entity_named (f, "Rudi Santoso and Turkish Aerospace"), ==, -1);
}

/* "The two leaders signed …" right after a sentence naming two leaders
 * of different countries: they are the signers. */
static void
test_two_leaders_named_before (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Date: 2021-05-04\nChilean President Rosa Vidal held talks with Peruvian President Hugo Salas in Lima on Tuesday.\n"
    "The two leaders also signed a border agreement.\n");
  g_assert_true (has_fact (f, "Rosa Vidal", NKG_PROP_SIGNED, "border agreement"));
  g_assert_true (has_fact (f, "Hugo Salas", NKG_PROP_SIGNED, "border agreement"));
}

/* "A and his Sri Lankan counterpart B signed": a nationality of several
 * words before "counterpart" does not cut A off the signers. */
static void
test_counterpart_of_long_nationality (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Indian Prime Minister Ravi Menon and his Sri Lankan counterpart Nimal Perera signed the Palk Strait Agreement.\n");
  g_assert_true (has_fact (f, "Ravi Menon", NKG_PROP_SIGNED, "Palk Strait Agreement"));
  g_assert_true (has_fact (f, "Nimal Perera", NKG_PROP_SIGNED, "Palk Strait Agreement"));
  /* and the counterpart represents that country, of two or three words */
  g_autoptr (NkgDocFacts) g = extract_string (
    "Ravi Menon met his Sri Lankan counterpart Nimal Perera, and Lena Rowe her Papua New Guinean counterpart "
    "Peter Kila. Sri Lanka and Papua New Guinea sent envoys.\n");
  g_assert_true (has_fact (g, "Nimal Perera", NKG_PROP_REPRESENTS, "Sri Lanka"));
  g_assert_true (has_fact (g, "Peter Kila", NKG_PROP_REPRESENTS, "Papua New Guinea"));
}

/* A country after people or things in an agreement's subject is where
 * they are; after the agreement or a ceremony it is where it was signed. */
static void
test_country_of_subject_is_no_signing_place (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Peru and Chile signed a memorandum of understanding on the protection of seasonal workers in Chile.\n");
  const char *mou = "memorandum of understanding on the protection of seasonal workers";
  g_assert_true (has_fact (f, "Peru", NKG_PROP_SIGNED, mou));
  g_assert_false (has_fact (f, mou, NKG_PROP_SIGNED_IN, "Chile"));
  g_autoptr (NkgDocFacts) g = extract_string (
    "Peru and Bolivia signed a memorandum of understanding at a ceremony in Bolivia.\n");
  g_assert_true (has_fact (g, "memorandum of understanding", NKG_PROP_SIGNED_IN, "Bolivia"));
}

/* "memorandum of understanding between A and B": the parties after
 * "between" are no part of its name, and they sign it. Invented names. */
static void
test_understanding_between_parties (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The two leaders witnessed the signing of a memorandum of understanding between Chad and Niger on fisheries.\n");
  g_assert_true (has_fact (f, "memorandum of understanding on fisheries", NKG_PROP_PARTY, "Chad"));
  g_assert_true (has_fact (f, "memorandum of understanding on fisheries", NKG_PROP_PARTY, "Niger"));
  g_assert_cmpint (entity_named (f, "memorandum of understanding between Chad"), ==, -1);
}

/* "A and B held talks … N agreements were signed": an agreement the
 * passive sentence first describes was signed by the two countries that
 * just met; not a named one, nor after a sentence that tells of no
 * meeting. Invented sentences. */
static void
test_passive_after_talks (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chad and Niger held talks in Ndjamena on Monday. Seven agreements were signed after the talks.\n");
  g_assert_true (has_fact (f, "Chad", NKG_PROP_SIGNED, "Seven agreements"));
  g_assert_true (has_fact (f, "Seven agreements", NKG_PROP_PARTY, "Niger"));
  g_autoptr (NkgDocFacts) g = extract_string (
    "Chad and Niger held talks in Ndjamena on Monday. The Lake Chad Water Treaty was signed in 1964.\n");
  g_assert_false (has_fact (g, "Chad", NKG_PROP_SIGNED, "Lake Chad Water Treaty"));
  g_autoptr (NkgDocFacts) h = extract_string (
    "Chad and Niger share a long border. Seven agreements were signed last year.\n");
  g_assert_false (has_fact (h, "Chad", NKG_PROP_SIGNED, "Seven agreements"));
}

/* "… signed X with B's Ministry of Y": the ministry signs, as the
 * subject's ministry does. Invented names. */
static void
test_with_country_body_signs (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Chad's Ministry of Fisheries signed a memorandum of understanding with Niger's Ministry of Water on river fish.\n");
  g_assert_true (has_fact (f, "Ministry of Fisheries", NKG_PROP_SIGNED, "memorandum of understanding"));
  g_assert_true (has_fact (f, "Ministry of Water", NKG_PROP_SIGNED, "memorandum of understanding"));
  g_assert_false (has_fact (f, "Niger", NKG_PROP_SIGNED, "memorandum of understanding"));
}

/* "in the Chilean capital, Santiago,": the city set off by commas after
 * the place word is where it was signed. Invented sentence. */
static void
test_capital_comma_city (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Peru and Chile signed a fisheries accord at a ceremony in the Chilean capital, Santiago, on Friday.\n");
  g_assert_true (has_fact (f, "fisheries accord", NKG_PROP_SIGNED_IN, "Santiago"));
}

/* … and after places: "zones in the Coral Sea" is where the zones are. */
static void
test_area_of_subject_is_no_signing_place (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Peru and Chile signed a treaty on their economic zones in the Humboldt Sea.\n");
  g_assert_true (has_fact (f, "Peru", NKG_PROP_SIGNED, "treaty on their economic zones"));
  g_assert_false (has_fact (f, "treaty on their economic zones", NKG_PROP_SIGNED_IN, "Humboldt Sea"));
}

/* An unqualified official's country is what his reported clause starts
 * with, not a country further on in it. */
static void
test_said_country_is_the_clause_subject (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "Foreign Minister Tomas Ruiz said the decision would strengthen cooperation in the face of Chad's border raids.\n");
  g_assert_false (has_fact (f, "Tomas Ruiz", NKG_PROP_REPRESENTS, "Chad"));
  g_autoptr (NkgDocFacts) g = extract_string ("Foreign Minister Tomas Ruiz said Chad will sign the accord.\n");
  g_assert_true (has_fact (g, "Tomas Ruiz", NKG_PROP_REPRESENTS, "Chad"));
}

/* A title after "of the" or "to the" is the complement of the person's
 * own post: "Adviser to the President" is no president. */
static void
test_title_complement (void)
{
  g_autoptr (NkgDocFacts) f = extract_string (
    "The Chilean delegation came with its Minister of Trade, Mrs. Ana Ruiz, Minister of Transport, "
    "Mr. Luis Herrera, and Minister and Chief of Staff at the Office of the Prime Minister, Mr. Ivan Orlov.\n"
    "Adviser to the President, Mr. Tom Reed, was also there.\n");
  g_assert_true (has_fact (f, "Ivan Orlov", NKG_PROP_JOB_TITLE, "Chief of Staff"));
  g_assert_true (has_fact (f, "Ivan Orlov", NKG_PROP_JOB_TITLE, "Minister"));
  g_assert_false (has_fact (f, "Ivan Orlov", NKG_PROP_JOB_TITLE, "Prime Minister"));
  g_assert_true (has_fact (f, "Tom Reed", NKG_PROP_JOB_TITLE, "Adviser"));
  g_assert_false (has_fact (f, "Tom Reed", NKG_PROP_JOB_TITLE, "President"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setup_lexicon ();
  g_test_add_func ("/extract/relations/title-before-name", test_title_before_name);
  g_test_add_func ("/extract/relations/title-lower-case", test_title_lower_case_and_apposition);
  g_test_add_func ("/extract/relations/works-for", test_works_for);
  g_test_add_func ("/extract/relations/signing-active", test_signing_active);
  g_test_add_func ("/extract/relations/signing-passive", test_signing_passive);
  g_test_add_func ("/extract/relations/signing-synonyms", test_signing_synonyms);
  g_test_add_func ("/extract/relations/planned-signing", test_planned_signing_is_not_signing);
  g_test_add_func ("/extract/relations/no-date-guess", test_no_date_without_article_date);
  g_test_add_func ("/extract/relations/replaces", test_replaces);
  g_test_add_func ("/extract/relations/events", test_events);
  g_test_add_func ("/extract/relations/same-side", test_same_side_did_not_meet);
  g_test_add_func ("/extract/relations/home-country", test_home_country);
  g_test_add_func ("/extract/relations/home-country-nearby", test_home_country_nearby);
  g_test_add_func ("/extract/relations/seat-of-government", test_seat_of_government);
  g_test_add_func ("/extract/relations/international-bodies", test_officials_of_international_bodies);
  g_test_add_func ("/extract/relations/coordinated-signers", test_coordinated_signers_and_onlookers);
  g_test_add_func ("/extract/relations/respectively", test_respectively_and_planned_parties);
  g_test_add_func ("/extract/relations/signing-continues", test_signing_continues);
  g_test_add_func ("/extract/relations/plural-anaphors", test_plural_anaphors);
  g_test_add_func ("/extract/relations/title-of-country", test_title_of_country);
  g_test_add_func ("/extract/relations/signed-with-person", test_signed_with_person);
  g_test_add_func ("/extract/relations/hyphenated-given-name", test_hyphenated_given_name);
  g_test_add_func ("/extract/relations/title-with-remit", test_title_with_remit_before_comma);
  g_test_add_func ("/extract/relations/pronoun-subject-meets", test_pronoun_subject_meets);
  g_test_add_func ("/extract/relations/reduced-passive", test_reduced_passive_and_qualifiers);
  g_test_add_func ("/extract/relations/apposed-compound-titles", test_apposed_compound_titles);
  g_test_add_func ("/extract/relations/head-presence-fellows", test_head_presence_and_fellows);
  g_test_add_func ("/extract/relations/witnesses-met", test_witnesses_met);
  g_test_add_func ("/extract/relations/ranks-compound-adjectives", test_ranks_and_compound_adjectives);
  g_test_add_func ("/extract/relations/cabinet-secretary", test_cabinet_secretary);
  g_test_add_func ("/extract/relations/leaders-sought-talks", test_leaders_and_sought_talks);
  g_test_add_func ("/extract/relations/rank-then-remit", test_rank_then_remit);
  g_test_add_func ("/extract/relations/subject-meets-each", test_subject_meets_each);
  g_test_add_func ("/extract/relations/signed-on-behalf", test_signed_on_behalf);
  g_test_add_func ("/extract/relations/second-signer", test_second_signer_in_sentence);
  g_test_add_func ("/extract/relations/officials-of-two-sides", test_officials_of_two_sides);
  g_test_add_func ("/extract/relations/two-leaders-named-before", test_two_leaders_named_before);
  g_test_add_func ("/extract/relations/counterpart-of-long-nationality", test_counterpart_of_long_nationality);
  g_test_add_func ("/extract/relations/country-of-subject-is-no-signing-place", test_country_of_subject_is_no_signing_place);
  g_test_add_func ("/extract/relations/area-of-subject-is-no-signing-place", test_area_of_subject_is_no_signing_place);
  g_test_add_func ("/extract/relations/understanding-between-parties", test_understanding_between_parties);
  g_test_add_func ("/extract/relations/passive-after-talks", test_passive_after_talks);
  g_test_add_func ("/extract/relations/with-country-body-signs", test_with_country_body_signs);
  g_test_add_func ("/extract/relations/capital-comma-city", test_capital_comma_city);
  g_test_add_func ("/extract/relations/said-country-is-the-clause-subject", test_said_country_is_the_clause_subject);
  g_test_add_func ("/extract/relations/title-complement", test_title_complement);
  int r = g_test_run ();
  nkg_lexicon_free (test_lexicon);
  return r;
}
