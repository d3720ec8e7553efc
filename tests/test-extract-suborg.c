/* test-extract-suborg.c — part-of between organisations, larger body first. */
#include <glib.h>

#include "test-extract-helpers.h"

typedef struct {
  const char *text;
  const char *parent, *child; /* NULL parent: no subOrganization at all */
} Case;

static const Case cases[] = {
  { "The Defence Research and Development Organisation (DRDO), an agency of the Ministry of "
    "Defence, will lead the work, officials said on Monday.",
    "Ministry of Defence", "Defence Research and Development Organisation" },
  { "The Defense Intelligence Agency, which is part of the Department of Defense, "
    "published the assessment.",
    "Department of Defense", "Defense Intelligence Agency" },
  { "The Border Roads Organisation under the Ministry of Defence opened the tunnel.",
    "Ministry of Defence", "Border Roads Organisation" },
  { "Officials from the Ministry of Defence's Border Roads Organisation inspected the road.",
    "Ministry of Defence", "Border Roads Organisation" },
  { "Officials from the Andean Fisheries Council's (AFC) Monitoring Committee inspected the port.",
    "Andean Fisheries Council", "Monitoring Committee" },
  { "Veltrona Motors said on Tuesday its battery unit, Veltrona Energy Solutions, would build a plant.",
    "Veltrona Motors", "Veltrona Energy Solutions" },
  { "Officials from the Department of Water Supply of the Ministry of Mines visited the dam.",
    "Ministry of Mines", "Department of Water Supply of the Ministry of Mines" },
  /* an office abroad named after its body, which the article names someone of */
  { "Osric Penhale, Chief Representative of EICA Valdoria Office, signed the loan agreement "
    "for the Eastland International Cooperation Agency (EICA) on Tuesday.",
    "Eastland International Cooperation Agency", "EICA Valdoria Office" },
  { "EICA Valdoria Office Country Director Lena Farrow said the Eastland International "
    "Cooperation Agency (EICA) would fund the clinics.",
    "Eastland International Cooperation Agency", "EICA Valdoria Office" },
  /* negatives: two bodies side by side, or a person between them */
  { "The Eastland International Cooperation Agency (EICA) said the EICA Valdoria Office "
    "would open in May.", NULL, NULL },
  { "The Ministry of Defence and the Ministry of External Affairs issued a joint statement.",
    NULL, NULL },
  { "The World Bank, a lender to the Asian Development Bank's members, agreed.", NULL, NULL },
  { "The Ministry of Foreign Affairs of the Republic of Peru and its partners met.", NULL, NULL },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (NkgDocFacts) f = extract_string (c->text);
  if (!c->parent)
    {
      g_assert_cmpuint (count_facts (f, NKG_PROP_SUB_ORG), ==, 0);
      return;
    }
  if (!has_fact (f, c->parent, NKG_PROP_SUB_ORG, c->child))
    {
      for (guint i = 0; i < f->entities->len; i++)
        {
          NkgLocalEntity *e = g_ptr_array_index (f->entities, i);
          g_test_message ("entity %u: %s (%s)", i, e->name, nkg_class_info (e->klass)->key);
        }
      g_error ("no %s subOrganization %s in: %s", c->parent, c->child, c->text);
    }
  g_assert_false (has_fact (f, c->child, NKG_PROP_SUB_ORG, c->parent));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  test_lexicon = nkg_lexicon_new (&error);
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/extract/suborg/%zu", i);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  int rc = g_test_run ();
  nkg_lexicon_free (test_lexicon);
  return rc;
}
