/* lang-verdicts.c — the language detector's verdict on every article of
 * INPUT…, one line each: "SOURCE<TAB>codes" (best first, comma-separated;
 * "-" when the text is too short or too mixed to tell). Articles are read
 * as `newskg build --lang any` reads them. Run it with two builds and
 * diff the outputs to check that a change to input/lang.c keeps every
 * verdict. */
#include <stdio.h>

#include "input/input.h"
#include "input/lang.h"

static gboolean
print_verdict (NkgArticle *a, gpointer data)
{
  NkgLang *lang = data;
  g_auto (GStrv) codes = nkg_lang_detect (lang, a->text, a->len);
  g_autofree char *list = codes ? g_strjoinv (",", codes) : g_strdup ("-");
  printf ("%s\t%s\n", a->source, list);
  nkg_article_free (a);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgLang) lang = nkg_lang_new (&error);
  if (!lang)
    {
      fprintf (stderr, "lang-verdicts: %s\n", error->message);
      return 2;
    }
  g_autoptr (NkgInput) in = nkg_input_new ();
  nkg_input_set_languages (in, "any", NULL);
  for (int i = 1; i < argc; i++)
    if (!nkg_input_add (in, argv[i], &error))
      {
        fprintf (stderr, "lang-verdicts: %s\n", error->message);
        return 2;
      }
  nkg_input_run (in, print_verdict, lang, NULL);
  return 0;
}
