/* main.c — `newskg`: dispatch to a subcommand. Kept thin on purpose. */
#include <glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "common.h"


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
                "         newskg show \"Rajnath Singh\" -g corpus.ttl\n\n"
                "exit status: 0 done or found (warnings allowed), 1 nothing to do or not found\n"
                "(no article read, unknown name), 2 usage or input error (nothing written).\n");
}

/* The command running (NULL for --help and --version), for the message
 * below, and the status it returned (-1 while it runs). */
static const char *running;
static int returned = -1;

/* Output lost to a full disk, a closed descriptor or a failing device must
 * not pass for success. Run at exit, so that it also sees the paths that
 * end the process themselves (GOption's --help calls exit (0)): when
 * anything printed did not reach standard output, say so and exit 2. A
 * command that failed (1, 2) has said why in its own one line (dot reports
 * its write error itself), and its status stands; so does build's 3 (its
 * files were written, only the summary was lost), after the line. */
static void
check_stdout (void)
{
  int e = nkg_cli_flush_stdout ();
  if (!e || returned == 1 || returned == 2)
    return;
  fprintf (stderr, "newskg: %s%scannot write to standard output: %s\n", running ? running : "",
           running ? ": " : "", e > 0 ? g_strerror (e) : "a write failed");
  fflush (stderr);
  _exit (returned == 3 ? 3 : 2);
}

int
main (int argc, char **argv)
{
  /* tcmalloc keeps freed spans (an article's scratch, a finished phase's
   * tables) for reuse and gives them back to the system only slowly: on
   * 100 MB of news its peak was 604 MiB against glibc's 578 (issue #12's
   * line is 600). The commands that build a graph from articles keep at
   * most NKG_CLI_FREED_CAP of them instead, once they know they read much
   * text (build-input.c; a small build keeps them all: cmd_build.c); merge
   * gives them back at once from the start. The inspection commands read a snapshot in place and
   * keep what they free (inspect-cache.c gives it back while a large
   * Turtle is parsed).
   *
   * The commands that read articles first take a heap of 32 MiB advised
   * for huge pages, before the lexicon loads: on the 2,304 real articles
   * the run's page faults went from 9,230 to about 2,100 (see
   * nkg_cli_reserve_heap and the commit's figures). */
  if (argc >= 2 && (strcmp (argv[1], "build") == 0 || strcmp (argv[1], "extract") == 0))
    nkg_cli_reserve_heap (NKG_CLI_HEAP_RESERVE);
  else if (argc >= 2 && strcmp (argv[1], "merge") == 0)
    nkg_cli_give_back_freed (TRUE);
  setlocale (LC_ALL, "");
  atexit (check_stdout);
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
      {
        running = commands[i].name;
        returned = commands[i].run (argc - 1, argv + 1);
        return returned;
      }
  fprintf (stderr, "newskg: unknown command '%s' (try 'newskg --help')\n", argv[1]);
  return 2;
}
