/* inspect-shell.c — `newskg shell`: one graph, many questions.
 *
 * Loads the graph once, then reads command lines with GNU readline
 * (history kept across sessions, tab completion of commands, options,
 * types, properties and entity names) and runs the same show / list /
 * search / facts / path / stats as the command line, on the loaded graph.
 * When standard input is not a terminal, lines are read plainly with no
 * prompt, so `newskg shell < questions.txt` works as a batch.
 */
#include <readline/history.h>
#include <readline/readline.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "common.h"
#include "graph/vocab.h"

static const char *shell_commands[] = {
  "show", "list", "search", "facts", "path", "stats", "help", "quit", NULL,
};

/* Long options per command, for completion. */
static const char *common_options[] = { "--graph", "--json", "--color", "--help", NULL };
static const struct {
  const char *cmd;
  const char *options[8];
} command_options[] = {
  { "show", { "--evidence", "--type", "--limit", NULL } },
  { "list", { "--type", "--sort", "--limit", "--names", NULL } },
  { "search", { "--type", "--limit", NULL } },
  { "facts", { "--about", "--property", "--min-support", "--limit", "--evidence", "--conflicts", NULL } },
  { "path", { "--max", "--evidence", NULL } },
  { "stats", { "--limit", NULL } },
};

/* Completion state: readline's generators are plain callbacks. */
static struct {
  GPtrArray *names;  /* char*, borrowed from the graph */
  GPtrArray *folded; /* char*, owned: case-folded names */
  GPtrArray *words;  /* candidates for the current completion */
  guint next;
} comp;

static void
shell_help (void)
{
  puts ("commands, with the same options as on the command line:\n"
        "  show NAME        the card of an entity (--evidence, --type, --limit)\n"
        "  list             entities (--type, --sort mentions|name|degree, --limit)\n"
        "  search TEXT      names and aliases matching TEXT, ranked\n"
        "  facts            facts as rows (--about NAME, --property P, --min-support N,\n"
        "                   --conflicts)\n"
        "  path FROM TO     the shortest chain of relations (quote names with spaces)\n"
        "  stats            counts and the most connected entities\n"
        "  help             this text; 'COMMAND --help' for a command's options\n"
        "  quit             leave (or Ctrl-D)\n"
        "Tab completes commands, options and entity names; Up and Down browse the history.");
}

/* Generator over comp.words, filtered by a case-insensitive prefix. */
static char *
words_generator (const char *text, int state)
{
  static char *folded_text;
  if (state == 0)
    {
      comp.next = 0;
      g_free (folded_text);
      folded_text = g_utf8_casefold (text, -1);
    }
  gsize n = strlen (folded_text);
  while (comp.words && comp.next < comp.words->len)
    {
      const char *w = g_ptr_array_index (comp.words, comp.next++);
      g_autofree char *fw = g_utf8_casefold (w, -1);
      if (strncmp (fw, folded_text, n) == 0)
        return strdup (w); /* readline frees with free() */
    }
  return NULL;
}

/* Entity names: the folded forms are computed once per shell. */
static char *
names_generator (const char *text, int state)
{
  static char *folded_text;
  if (state == 0)
    {
      comp.next = 0;
      g_free (folded_text);
      folded_text = g_utf8_casefold (text, -1);
    }
  gsize n = strlen (folded_text);
  while (comp.next < comp.names->len)
    {
      guint i = comp.next++;
      if (strncmp (g_ptr_array_index (comp.folded, i), folded_text, n) == 0)
        return strdup (g_ptr_array_index (comp.names, i));
    }
  return NULL;
}

static void
set_words (const char *const *list, const char *const *more)
{
  g_ptr_array_set_size (comp.words, 0);
  for (; list && *list; list++)
    g_ptr_array_add (comp.words, (gpointer) *list);
  for (; more && *more; more++)
    g_ptr_array_add (comp.words, (gpointer) *more);
}

/* The word before position `start` in the line, or "". */
static char *
word_before (int start)
{
  int end = start;
  while (end > 0 && (rl_line_buffer[end - 1] == ' ' || rl_line_buffer[end - 1] == '\t'))
    end--;
  int begin = end;
  while (begin > 0 && rl_line_buffer[begin - 1] != ' ' && rl_line_buffer[begin - 1] != '\t')
    begin--;
  return g_strndup (rl_line_buffer + begin, end - begin);
}

static char **
complete (const char *text, int start, int end)
{
  (void) end;
  rl_attempted_completion_over = 1; /* never fall back to file names silently */
  g_autofree char *line_head = g_strndup (rl_line_buffer, start);
  g_strstrip (line_head);
  if (!*line_head)
    {
      set_words (shell_commands, NULL);
      return rl_completion_matches (text, words_generator);
    }
  g_autofree char *cmd = g_strndup (line_head, strcspn (line_head, " \t"));
  g_autofree char *prev = word_before (start);

  if (strcmp (prev, "-g") == 0 || strcmp (prev, "--graph") == 0)
    {
      rl_attempted_completion_over = 0; /* a file name: readline's own completion */
      return NULL;
    }
  if (strcmp (prev, "-t") == 0 || strcmp (prev, "--type") == 0)
    {
      static const char *types[NKG_CLASS_N + 1];
      for (int c = 0; c < NKG_CLASS_N; c++)
        types[c] = nkg_class_info ((NkgClass) c)->key;
      set_words (types, NULL);
      return rl_completion_matches (text, words_generator);
    }
  if (strcmp (prev, "-p") == 0 || strcmp (prev, "--property") == 0)
    {
      static const char *props[NKG_PROP_N + 1];
      for (int p = 0; p < NKG_PROP_N; p++)
        props[p] = nkg_prop_info ((NkgProp) p)->key;
      set_words (props, NULL);
      return rl_completion_matches (text, words_generator);
    }
  if (strcmp (prev, "-s") == 0 || strcmp (prev, "--sort") == 0)
    {
      static const char *sorts[] = { "mentions", "name", "degree", NULL };
      set_words (sorts, NULL);
      return rl_completion_matches (text, words_generator);
    }
  if (strcmp (prev, "--color") == 0)
    {
      static const char *whens[] = { "auto", "always", "never", NULL };
      set_words (whens, NULL);
      return rl_completion_matches (text, words_generator);
    }
  if (text[0] == '-')
    {
      const char *const *own = NULL;
      for (gsize i = 0; i < G_N_ELEMENTS (command_options); i++)
        if (strcmp (cmd, command_options[i].cmd) == 0)
          own = command_options[i].options;
      set_words (own, common_options);
      return rl_completion_matches (text, words_generator);
    }
  return rl_completion_matches (text, names_generator);
}

/* Ctrl-C abandons the line being typed, as in bash, instead of ending the
 * shell: the handler only sets a flag; readline calls the event hook when
 * its read is interrupted, and the hook clears the line. */
static volatile sig_atomic_t got_sigint;

static void
on_sigint (int sig)
{
  (void) sig;
  got_sigint = 1;
}

static int
on_signal_event (void)
{
  if (got_sigint)
    {
      got_sigint = 0;
      rl_replace_line ("", 0);
      rl_crlf ();
      rl_on_new_line ();
      rl_redisplay ();
    }
  return 0;
}

static char *
history_path (void)
{
#if GLIB_CHECK_VERSION(2, 72, 0)
  const char *dir = g_get_user_state_dir ();
#else
  const char *dir = g_get_user_data_dir ();
#endif
  return g_build_filename (dir, "newskg", "history", NULL);
}

/* Runs one line. Returns FALSE when the user asked to leave. */
static gboolean
run_line (NkgGraph *graph, const char *path, const char *line)
{
  g_auto (GStrv) argv = NULL;
  int argc = 0;
  g_autoptr (GError) error = NULL;
  if (!g_shell_parse_argv (line, &argc, &argv, &error))
    {
      fprintf (stderr, "newskg: shell: %s\n", error->message);
      return TRUE;
    }
  char **args = argv;
  if (argc > 1 && strcmp (args[0], "newskg") == 0)
    {
      args++;
      argc--;
    }
  if (strcmp (args[0], "quit") == 0 || strcmp (args[0], "exit") == 0)
    return FALSE;
  if (strcmp (args[0], "help") == 0 || strcmp (args[0], "?") == 0)
    {
      shell_help ();
      return TRUE;
    }
  if (nkg_inspect_dispatch (graph, path, argc, args) < 0)
    fprintf (stderr, "newskg: shell: unknown command '%s' (try 'help')\n", args[0]);
  fflush (stdout);
  return TRUE;
}

int
nkg_cmd_shell (int argc, char **argv)
{
  NkgCli cli = { 0 };
  int st = nkg_cli_parse (&cli, NULL, "",
                          "Load a graph once and ask it questions interactively: show, list, "
                          "search,\nfacts, path and stats take the same options as on the "
                          "command line.\nTab completes commands, options and entity names; the "
                          "history is kept in\n$XDG_STATE_HOME/newskg/history. Reads plain lines "
                          "when input is not a terminal.",
                          "  newskg shell -g corpus.ttl\n"
                          "  newskg> show Rajn<Tab>\n"
                          "  newskg> path \"Pete Hegseth\" Malaysia",
                          &argc, &argv);
  if (st >= 0)
    {
      nkg_cli_clear (&cli);
      return st;
    }
  if (argc > 1)
    {
      st = nkg_cli_usage_error (&cli, "unexpected argument '%s'", argv[1]);
      nkg_cli_clear (&cli);
      return st;
    }
  NkgGraph *graph = nkg_cli_graph (&cli);
  if (!graph)
    {
      nkg_cli_clear (&cli);
      return NKG_EXIT_USAGE;
    }
  g_autofree char *path = g_strdup (cli.graph_path ? cli.graph_path : NKG_DEFAULT_GRAPH);
  gboolean interactive = isatty (fileno (stdin));

  if (!interactive)
    {
      size_t cap = 0;
      char *raw = NULL;
      while (getline (&raw, &cap, stdin) >= 0)
        {
          g_strstrip (raw);
          if (*raw && *raw != '#' && !run_line (graph, path, raw))
            break;
        }
      free (raw);
      nkg_cli_clear (&cli);
      return NKG_EXIT_OK;
    }

  comp.names = nkg_cli_all_names (graph);
  comp.folded = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < comp.names->len; i++)
    g_ptr_array_add (comp.folded, g_utf8_casefold (g_ptr_array_index (comp.names, i), -1));
  comp.words = g_ptr_array_new ();

  rl_readline_name = "newskg";
  rl_attempted_completion_function = complete;
  rl_completer_quote_characters = "\"'";
  rl_basic_word_break_characters = " \t\n";
  rl_completer_word_break_characters = " \t\n";
  rl_variable_bind ("completion-ignore-case", "on");
  rl_catch_signals = 0;
  rl_signal_event_hook = on_signal_event;
  struct sigaction sa = { 0 }, old_sa;
  sa.sa_handler = on_sigint;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGINT, &sa, &old_sa); /* no SA_RESTART: the read must return */
  using_history ();
  stifle_history (1000);
  g_autofree char *hist = history_path ();
  read_history (hist);

  printf ("newskg shell on %s: %u entities, %u facts. 'help' lists commands, Ctrl-D leaves.\n",
          path, graph->entities->len, graph->facts->len);
  char *line;
  while ((got_sigint = 0, line = readline ("newskg> ")))
    {
      g_strstrip (line);
      gboolean go_on = TRUE;
      if (*line)
        {
          HIST_ENTRY *last = history_length ? history_get (history_base + history_length - 1)
                                            : NULL;
          if (!last || strcmp (last->line, line) != 0)
            add_history (line);
          go_on = run_line (graph, path, line);
        }
      free (line);
      if (!go_on)
        break;
    }
  if (!line)
    putchar ('\n');
  sigaction (SIGINT, &old_sa, NULL);

  g_autofree char *dir = g_path_get_dirname (hist);
  if (g_mkdir_with_parents (dir, 0700) == 0)
    write_history (hist);
  g_ptr_array_unref (comp.names);
  g_ptr_array_unref (comp.folded);
  g_ptr_array_unref (comp.words);
  nkg_cli_clear (&cli);
  return NKG_EXIT_OK;
}
