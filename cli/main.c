/* main.c — `newskg`: dispatch to a subcommand. Kept thin on purpose. */
#include <glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"

typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "build", nkg_cmd_build, "extract articles into a knowledge graph (RDF, DOT, SVG)" },
  { "extract", nkg_cmd_extract, "extract articles into a shard, for merge (distributed builds)" },
  { "merge", nkg_cmd_merge, "merge shards that 'extract' wrote into a knowledge graph" },
  { "show", nkg_cmd_show, "print a node card: names, classes, relations, quotes, documents" },
  { "list", nkg_cmd_list, "list entities, by type, sorted by mentions, name or degree" },
  { "search", nkg_cmd_search, "find entities whose names match a text, ranked" },
  { "facts", nkg_cmd_facts, "print facts as rows with support and confidence" },
  { "path", nkg_cmd_path, "shortest chain of relations linking two entities" },
  { "stats", nkg_cmd_stats, "documents, entities per class, facts per property" },
  { "dot", nkg_cmd_dot, "write a focused, capped diagram as DOT or SVG" },
  { "text", nkg_cmd_text, "print an article's text, which evidence offsets count into" },
  { "shell", nkg_cmd_shell, "interactive prompt over one graph" },
};

static void
usage (FILE *out)
{
  fprintf (out, "usage: newskg COMMAND [OPTIONS...]\n\n"
                "Build a knowledge graph of people, organisations, places, events and\n"
                "agreements from news articles, and inspect it.\n\ncommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, commands[i].summary);
  fprintf (out, "\n'newskg COMMAND --help' describes a command's options.\n"
                "example: newskg build examples/ -o corpus.ttl --dot graph.dot\n"
                "         newskg show \"Rajnath Singh\" -g corpus.ttl\n");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      usage (stderr);
      return 2;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      usage (stdout);
      return 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("newskg %s\n", NKG_VERSION);
      return 0;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);
  fprintf (stderr, "newskg: unknown command '%s' (try 'newskg --help')\n", argv[1]);
  return 2;
}
