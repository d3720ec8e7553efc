/* test-bad-inputs.c — the bad-input suite (#10 item 10): the real binary
 * on inputs a hostile or unlucky user gives it, one table row per case.
 *
 * Each row names a setup (files made in the case's own folder), a command
 * line, where standard input comes from and standard output goes, and what
 * must happen: the exit status, a fragment of standard error, and what the
 * graph file that was there before (a copy of tests/data/mini.ttl, {out})
 * must be afterwards — byte for byte the same where nothing should be
 * written, or a complete graph that loads where a write was right. No case
 * may leave a temporary file beside it (SIGKILL aside).
 *
 * Placeholders in the command line: {dir} the case's folder (also the
 * working directory), {out} {dir}/corpus.ttl, {good} an article of our own
 * words, {many} a folder of 600 such articles (150 under ASan), {mini} a
 * copy of tests/data/mini.ttl outside {dir}.
 *
 * Cases that need a file the user cannot read run the binary as "nobody"
 * when the test runs as root (root reads everything); the full-disk case
 * mounts a small tmpfs, and is skipped with a message when it cannot.
 */
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "graph/load.h"
#include "test-spawn.h"

static const char *newskg;
static char *tmp_root, *shared_dir, *good_path, *many_dir, *mini_path, *mini_text;
static gsize mini_len;
static gboolean nobody_works;

#define NOBODY 65534

/* Our own words only. */
static const char good_text[]
    = "Harbour ministers meet in Tromso\n\nMarch 3, 2024\n\n"
      "Foreign Minister Arin Vantheim of Norway met Trade Minister Bela Orlov of Chile in "
      "Tromso on Monday. The two ministers signed the Cold Harbour Accord on March 3, 2024. "
      "\"We will keep the harbours open,\" Vantheim said.\n";

typedef enum {
  KEEP,    /* {out} byte for byte as before, no temporary beside it */
  WRITTEN, /* {out} replaced by a complete graph that loads */
  UNUSED,  /* the case writes elsewhere: {out} as before too */
} Guard;

enum {
  AS_NOBODY = 1 << 0,   /* run as nobody when root (unreadable files) */
  FIFO_WRITER = 1 << 1, /* feed {good}'s text into {dir}/pipe once it is opened */
  KILL_IN_WRITE = 1 << 2, /* send `sig` once the temporary of {out} appears */
  ONE_LINE = 1 << 3,    /* standard error is exactly one line */
};

typedef struct {
  const char *name;
  gboolean (*setup) (const char *dir, char **skip); /* FALSE: skip, *skip says why */
  const char *args;
  const char *stdin_from; /* a path template, or NULL for /dev/null */
  const char *stdout_to;  /* a path template, or NULL to capture it */
  int status;             /* exit status; 128 + N when killed by signal N */
  const char *err_has;    /* in standard error */
  Guard guard;
  int flags;
  int sig;
  const char *out_has;    /* in captured standard output */
  const char *file_lacks; /* "PATH|TEXT": file {dir}/PATH must not contain TEXT;
                           * "PATH": there must be no file {dir}/PATH */
} Case;

/* ------------------------------------------------------------------ setups */

static char *
put (const char *dir, const char *name, const char *text, gssize len)
{
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, len, NULL));
  return path;
}

static void
put_good (const char *dir, const char *name)
{
  g_free (put (dir, name, good_text, -1));
}

/* Makes the folder (and its parents) named by the path elements;
 * returns its path. */
static char *
make_folder (const char *first, ...)
{
  va_list args;
  va_start (args, first);
  char *path = g_build_filename_valist (first, &args);
  va_end (args);
  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  return path;
}

static gboolean
setup_empty_file (const char *dir, char **skip)
{
  (void) skip;
  g_free (put (dir, "empty.txt", "", 0));
  return TRUE;
}

static gboolean
setup_empty_folder (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *in = make_folder (dir, "in", NULL);
  return TRUE;
}

static gboolean
setup_nul_only (const char *dir, char **skip)
{
  (void) skip;
  static const char zeros[4096] = { 0 };
  g_free (put (dir, "nul.txt", zeros, sizeof zeros));
  return TRUE;
}

/* An article with a NUL byte in its first sentence, and a good one. */
static gboolean
setup_nul_inside (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *in = make_folder (dir, "in", NULL);
  GString *s = g_string_new (good_text);
  s->str[40] = '\0';
  g_free (put (in, "a-nul.txt", s->str, s->len));
  g_string_free (s, TRUE);
  put_good (in, "b.txt");
  return TRUE;
}

/* One line of 256 KB: sentences without a single line break. */
static gboolean
setup_huge_line (const char *dir, char **skip)
{
  (void) skip;
  GString *s = g_string_new (NULL);
  for (guint i = 0; s->len < 256 * 1024; i++)
    g_string_append_printf (s, "Minister Arin Vantheim of Norway spoke to reporter %u in Tromso. ", i);
  g_free (put (dir, "huge.txt", s->str, s->len));
  g_string_free (s, TRUE);
  return TRUE;
}

/* One "word" of 1 MB: no space, no line break. */
static gboolean
setup_huge_word (const char *dir, char **skip)
{
  (void) skip;
  gsize n = 1024 * 1024;
  g_autofree char *s = g_malloc (n);
  memset (s, 'a', n);
  g_free (put (dir, "word.txt", s, n));
  return TRUE;
}

static gboolean
setup_name_not_utf8 (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *in = make_folder (dir, "in", NULL);
  put_good (in, "Troms\xf8-\xff.txt");
  return TRUE;
}

/* Latin-1 text (not UTF-8): decoded, not refused. */
static gboolean
setup_latin1 (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *latin1 = g_convert (good_text, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);
  g_autofree char *text = g_strconcat (latin1, "The caf\xe9 by the fjord stayed open.\n", NULL);
  g_free (put (dir, "latin1.txt", text, -1));
  return TRUE;
}

/* Bytes no encoding makes sense of, in the middle of an article. */
static gboolean
setup_invalid_utf8 (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *text = g_strconcat (good_text, "Then \xc3\x28 and \xf0\x28\x8c\x28 broke.\n", NULL);
  g_free (put (dir, "bad-utf8.txt", text, -1));
  return TRUE;
}

static void
link_or_die (const char *target, const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (symlink (target, path), ==, 0);
}

static gboolean
setup_link_loop (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *in = g_build_filename (dir, "in", NULL);
  g_autofree char *sub = make_folder (in, "sub", NULL);
  put_good (in, "a.txt");
  link_or_die ("..", sub, "up");
  return TRUE;
}

/* Two loops into each other's folders, and one up to their parent. */
static gboolean
setup_two_loops (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *a = make_folder (dir, "in", "a", NULL);
  g_autofree char *b = make_folder (dir, "in", "b", NULL);
  put_good (a, "a.txt");
  link_or_die ("../b", a, "to-b");
  link_or_die ("../a", b, "to-a");
  link_or_die ("..", b, "up");
  return TRUE;
}

/* A link to itself (ELOOP) beside a good article. */
static gboolean
setup_self_link (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *in = make_folder (dir, "in", NULL);
  put_good (in, "a.txt");
  link_or_die ("self.txt", in, "self.txt");
  return TRUE;
}

static gboolean
setup_dangling_link (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *in = make_folder (dir, "in", NULL);
  put_good (in, "a.txt");
  link_or_die ("/nonexistent/gone.txt", in, "gone.txt");
  return TRUE;
}

static gboolean
setup_fifo_in_folder (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *in = make_folder (dir, "in", NULL);
  put_good (in, "a.txt");
  g_autofree char *fifo = g_build_filename (in, "pipe.txt", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  return TRUE;
}

static gboolean
setup_fifo (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  return TRUE;
}

static gboolean
need_nobody (char **skip)
{
  if (geteuid () == 0 && !nobody_works)
    {
      *skip = g_strdup ("running as root and the binary cannot run as nobody: unreadable-file case not run");
      return FALSE;
    }
  return TRUE;
}

/* The case folder open to nobody, so that it can write {out}. */
static void
open_to_all (const char *dir)
{
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  g_autofree char *out = g_build_filename (dir, "corpus.ttl", NULL);
  g_assert_cmpint (g_chmod (out, 0666), ==, 0);
}

static gboolean
setup_unreadable_file (const char *dir, char **skip)
{
  if (!need_nobody (skip))
    return FALSE;
  open_to_all (dir);
  g_autofree char *p = put (dir, "secret.txt", good_text, -1);
  g_assert_cmpint (g_chmod (p, 0), ==, 0);
  return TRUE;
}

static gboolean
setup_unreadable_in_folder (const char *dir, char **skip)
{
  if (!need_nobody (skip))
    return FALSE;
  open_to_all (dir);
  g_autofree char *in = make_folder (dir, "in", NULL);
  put_good (in, "a.txt");
  g_autofree char *text = g_strconcat (good_text, "A second, private line.\n", NULL);
  g_autofree char *p = put (in, "secret.txt", text, -1);
  g_assert_cmpint (g_chmod (p, 0), ==, 0);
  return TRUE;
}

static gboolean
setup_unreadable_subfolder (const char *dir, char **skip)
{
  if (!need_nobody (skip))
    return FALSE;
  open_to_all (dir);
  g_autofree char *in = g_build_filename (dir, "in", NULL);
  g_autofree char *locked = make_folder (in, "locked", NULL);
  put_good (in, "a.txt");
  put_good (locked, "b.txt");
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  return TRUE;
}

/* A folder named like an article: walked as a folder. */
static gboolean
setup_folder_named_txt (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *d = make_folder (dir, "folder.txt", NULL);
  return TRUE;
}

static gboolean
setup_folder_named_txt_inside (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *d = make_folder (dir, "in", "folder.txt", NULL);
  put_good (d, "a.txt");
  return TRUE;
}

static gboolean
setup_input (const char *dir, char **skip)
{
  (void) skip;
  put_good (dir, "a.txt");
  return TRUE;
}

/* empty.nkgx: a shard that holds no article — the part of two that
 * {good} does not fall in. */
static gboolean
setup_empty_shard (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *good = g_build_filename (dir, "a.txt", NULL);
  put_good (dir, "a.txt");
  gboolean found = FALSE;
  for (int k = 1; k <= 2 && !found; k++)
    {
      g_autofree char *part = g_strdup_printf ("%d/2", k);
      g_autofree char *shard = g_build_filename (dir, "empty.nkgx", NULL);
      const char *argv[] = { newskg, "extract", good, "--shard", part, "-o", shard, NULL };
      g_autoptr (GSubprocess) p = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDERR_PIPE, NULL);
      g_autofree char *err = NULL;
      g_assert_true (g_subprocess_communicate_utf8 (p, NULL, NULL, NULL, &err, NULL));
      g_assert_cmpint (g_subprocess_get_exit_status (p), ==, 0);
      found = g_str_has_prefix (err, "newskg: 0 articles, part ");
    }
  g_assert_true (found);
  return TRUE;
}

static gboolean
setup_jsonl_bad_line (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *esc = g_strescape (good_text, NULL);
  g_autofree char *text = g_strdup_printf ("{\"title\": \"x\", \"text\": \"%s\"}\n"
                                           "{\"title\": \"broken\", \"text\": \n"
                                           "{\"id\": 3}\n",
                                           esc);
  g_free (put (dir, "feed.jsonl", text, -1));
  return TRUE;
}

/* A gzip file cut in the middle. */
static gboolean
setup_truncated_gzip (const char *dir, char **skip)
{
  (void) skip;
  GString *s = g_string_new (NULL);
  for (int i = 0; i < 40; i++)
    g_string_append (s, good_text);
  g_autoptr (GConverter) z = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9));
  g_autoptr (GInputStream) mem = g_memory_input_stream_new_from_data (s->str, s->len, NULL);
  g_autoptr (GInputStream) conv = g_converter_input_stream_new (mem, z);
  guint8 buf[65536];
  gsize n = 0;
  g_assert_true (g_input_stream_read_all (conv, buf, sizeof buf, &n, NULL, NULL));
  g_free (put (dir, "cut.txt.gz", (const char *) buf, n / 2));
  g_string_free (s, TRUE);
  return TRUE;
}

/* Graph files that are not graphs. */
static gboolean
setup_ttl_truncated (const char *dir, char **skip)
{
  (void) skip;
  const char *cut = strstr (mini_text + mini_len / 2, " ;");
  g_assert_nonnull (cut);
  g_free (put (dir, "cut.ttl", mini_text, cut - mini_text + 2));
  return TRUE;
}

static gboolean
setup_ttl_nul (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *copy = g_memdup2 (mini_text, mini_len);
  copy[mini_len / 3] = '\0';
  g_free (put (dir, "nul.ttl", copy, mini_len));
  return TRUE;
}

static gboolean
setup_ttl_binary (const char *dir, char **skip)
{
  (void) skip;
  guint8 junk[2048];
  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) (i * 151 + 7);
  g_free (put (dir, "junk.ttl", (const char *) junk, sizeof junk));
  return TRUE;
}

static gboolean
setup_ttl_empty (const char *dir, char **skip)
{
  (void) skip;
  g_free (put (dir, "empty.ttl", "", 0));
  return TRUE;
}

/* Turtle that is valid but not newskg's: read, and nothing in it. */
static gboolean
setup_ttl_foreign (const char *dir, char **skip)
{
  (void) skip;
  g_free (put (dir, "foaf.ttl",
               "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
               "<urn:x:1> a foaf:Person ; foaf:name \"Runa Kallio\" .\n",
               -1));
  return TRUE;
}

/* A literal that is not UTF-8 inside an otherwise good graph. */
static gboolean
setup_ttl_not_utf8 (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *copy = g_memdup2 (mini_text, mini_len + 1);
  char *name = strstr (copy, "\"Rajnath Singh\"");
  g_assert_nonnull (name);
  name[3] = '\xe9';
  g_free (put (dir, "latin.ttl", copy, mini_len));
  return TRUE;
}

/* The snapshot cache of {out}, made by a first run, then damaged. */
static char *
make_snapshot (const char *dir)
{
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *out = g_build_filename (dir, "corpus.ttl", NULL);
  g_autofree char *env_cache = g_strdup_printf ("XDG_CACHE_HOME=%s", cache);
  const char *argv[] = { newskg, "list", "-g", out, NULL };
  const char *envp[] = { env_cache, "NEWSKG_CACHE_MIN_BYTES=0", "LC_ALL=C.UTF-8", NULL };
  int status = -1;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_sync (dir, (char **) argv, (char **) envp, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_autofree char *sub = g_build_filename (cache, "newskg", NULL);
  g_autoptr (GDir) d = g_dir_open (sub, 0, NULL);
  g_assert_nonnull (d);
  const char *name = g_dir_read_name (d);
  g_assert_nonnull (name);
  return g_build_filename (sub, name, NULL);
}

static gboolean
setup_snapshot_flipped (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *snap = make_snapshot (dir);
  g_autofree char *bytes = NULL;
  gsize n;
  g_assert_true (g_file_get_contents (snap, &bytes, &n, NULL));
  bytes[n / 2] ^= 0x20;
  g_assert_true (g_file_set_contents (snap, bytes, n, NULL));
  return TRUE;
}

static gboolean
setup_snapshot_truncated (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *snap = make_snapshot (dir);
  g_assert_cmpint (truncate (snap, 100), ==, 0);
  return TRUE;
}

static gboolean
setup_snapshot_empty (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *snap = make_snapshot (dir);
  g_assert_cmpint (truncate (snap, 0), ==, 0);
  return TRUE;
}

static gboolean
setup_snapshot_folder (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *snap = make_snapshot (dir);
  g_assert_cmpint (g_unlink (snap), ==, 0);
  g_assert_cmpint (g_mkdir (snap, 0755), ==, 0);
  return TRUE;
}

/* The snapshot of another graph put in {out}'s place: its checksum of the
 * Turtle it came from does not match. */
static gboolean
setup_snapshot_other (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *snap = make_snapshot (dir);
  g_autofree char *other_dir = make_folder (dir, "other", NULL);
  g_autofree char *foaf = put (other_dir, "corpus.ttl",
                               "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
                               "<urn:x:1> a foaf:Person ; foaf:name \"Runa Kallio\" .\n",
                               -1);
  g_autofree char *other_snap = make_snapshot (other_dir);
  g_autofree char *bytes = NULL;
  gsize n;
  g_assert_true (g_file_get_contents (other_snap, &bytes, &n, NULL));
  g_assert_true (g_file_set_contents (snap, bytes, n, NULL));
  return TRUE;
}

/* A graph file written by someone else while the snapshot stays: the
 * stamp changes, the snapshot is stale. */
static gboolean
setup_snapshot_stale (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *snap = make_snapshot (dir);
  g_autofree char *out = g_build_filename (dir, "corpus.ttl", NULL);
  g_autofree char *text = g_strconcat (mini_text, "# a comment added later\n", NULL);
  /* (what the case then keeps is {out} as the setup left it) */
  g_assert_true (g_file_set_contents (out, text, -1, NULL));
  return TRUE;
}

/* A tmpfs of 64 KiB holding {out}: the new graph does not fit. */
static gboolean
setup_full_disk (const char *dir, char **skip)
{
  if (geteuid () != 0)
    {
      *skip = g_strdup ("not root: cannot mount a small tmpfs to fill (full-disk case not run)");
      return FALSE;
    }
  g_autofree char *mnt = make_folder (dir, "disk", NULL);
  if (mount ("tmpfs", mnt, "tmpfs", 0, "size=64k") != 0)
    {
      *skip = g_strdup_printf ("cannot mount a tmpfs (%s): full-disk case not run", g_strerror (errno));
      return FALSE;
    }
  g_free (put (mnt, "corpus.ttl", mini_text, mini_len));
  return TRUE;
}

static gboolean
setup_long_name (const char *dir, char **skip)
{
  (void) skip;
  /* 255 bytes is the usual limit of one name (g_file_set_contents would
   * add a suffix to it) */
  g_autofree char *name = g_strnfill (251, 'n');
  g_autofree char *path = g_strdup_printf ("%s/in/%s.txt", dir, name);
  g_autofree char *in = make_folder (dir, "in", NULL);
  FILE *f = fopen (path, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fputs (good_text, f), >=, 0);
  g_assert_cmpint (fclose (f), ==, 0);
  return TRUE;
}

static gboolean
setup_newline_name (const char *dir, char **skip)
{
  (void) skip;
  g_autofree char *in = make_folder (dir, "in", NULL);
  put_good (in, "two\nlines.txt");
  return TRUE;
}

/* ------------------------------------------------------------------ cases */

static const Case cases[] = {
  /* Inputs with nothing to read: nothing written, the old graph stays. */
  { "empty-file", setup_empty_file, "build empty.txt -o {out}", NULL, NULL, 1, "no article could be read", KEEP, 0, 0, NULL, NULL },
  { "empty-folder", setup_empty_folder, "build in -o {out}", NULL, NULL, 1, "existing files left as they were", KEEP, 0, 0, NULL, NULL },
  { "nul-bytes-only", setup_nul_only, "build nul.txt -o {out}", NULL, NULL, 1, "not an article format", KEEP, 0, 0, NULL, NULL },
  { "stdin-empty", NULL, "build - -o {out}", NULL, NULL, 1, "no article could be read", KEEP, 0, 0, NULL, NULL },
  { "stdin-binary", setup_nul_only, "build - -o {out}", "{dir}/nul.txt", NULL, 1, "not an article format", KEEP, 0, 0, NULL, NULL },
  { "folder-named-txt", setup_folder_named_txt, "build folder.txt -o {out}", NULL, NULL, 1, "no article could be read", KEEP, 0, 0, NULL, NULL },
  { "missing-input", NULL, "build nowhere.txt -o {out}", NULL, NULL, 2, "nowhere.txt: no such file", KEEP, ONE_LINE, 0, NULL, NULL },
  { "no-input", NULL, "build -o {out}", NULL, NULL, 2, "no input given", KEEP, ONE_LINE, 0, NULL, NULL },
  { "huge-word", setup_huge_word, "build word.txt -o {out}", NULL, NULL, 1, "not 'en'", KEEP, 0, 0, NULL, NULL },
  { "huge-word-any-language", setup_huge_word, "build --lang any word.txt -o {out}", NULL, NULL, 0, "1 article →", WRITTEN, 0, 0, NULL, NULL },

  /* Odd but readable inputs: read, and the graph written. */
  { "nul-inside", setup_nul_inside, "build in -o {out}", NULL, NULL, 0, "a-nul.txt: contains NUL bytes", WRITTEN, 0, 0, NULL, NULL },
  { "huge-line", setup_huge_line, "build huge.txt -o {out}", NULL, NULL, 0, "1 article →", WRITTEN, 0, 0, NULL, NULL },
  { "name-not-utf8", setup_name_not_utf8, "build in -o {out}", NULL, NULL, 0, "U+FFFD", WRITTEN, 0, 0, NULL, NULL },
  { "latin1-text", setup_latin1, "build latin1.txt -o {out}", NULL, NULL, 0, "1 article →", WRITTEN, 0, 0, NULL, NULL },
  { "invalid-utf8-text", setup_invalid_utf8, "build bad-utf8.txt -o {out}", NULL, NULL, 0, "1 article →", WRITTEN, 0, 0, NULL, NULL },
  { "link-loop", setup_link_loop, "build in -o {out}", NULL, NULL, 0, "(a link to a folder already read)", WRITTEN, 0, 0, NULL, NULL },
  { "two-link-loops", setup_two_loops, "build in -o {out}", NULL, NULL, 0, "1 article →", WRITTEN, 0, 0, NULL, NULL },
  { "fifo-in-folder", setup_fifo_in_folder, "build in -o {out}", NULL, NULL, 0, "pipe.txt (a FIFO)", WRITTEN, 0, 0, NULL, NULL },
  { "fifo-named", setup_fifo, "build pipe -o {out}", NULL, NULL, 0, "1 article →", WRITTEN, FIFO_WRITER, 0, NULL, NULL },
  { "dev-stdin", NULL, "build /dev/stdin -o {out}", "{good}", NULL, 0, "1 article →", WRITTEN, 0, 0, NULL, NULL },
  { "stdin-dash", NULL, "build - -o {out}", "{good}", NULL, 0, "1 article →", WRITTEN, 0, 0, NULL, NULL },
  { "folder-named-txt-inside", setup_folder_named_txt_inside, "build in -o {out}", NULL, NULL, 0, "1 article →", WRITTEN, 0, 0, NULL, NULL },
  { "long-file-name", setup_long_name, "build in -o {out}", NULL, NULL, 0, "1 article →", WRITTEN, 0, 0, NULL, NULL },
  { "newline-in-name", setup_newline_name, "build in -o {out}", NULL, NULL, 0, "1 article →", WRITTEN, 0, 0, NULL, NULL },

  /* Some inputs lost, the graph still written (warnings): exit 0; --strict: 2. */
  { "self-link", setup_self_link, "build in -o {out}", NULL, NULL, 0, "self.txt: a broken symbolic link", WRITTEN, 0, 0, NULL, NULL },
  { "dangling-link", setup_dangling_link, "build in -o {out}", NULL, NULL, 0, "gone.txt: a broken symbolic link", WRITTEN, 0, 0, NULL, NULL },
  { "jsonl-bad-lines", setup_jsonl_bad_line, "build feed.jsonl -o {out}", NULL, NULL, 0, "2 inputs not read", WRITTEN, 0, 0, NULL, NULL },
  { "gzip-truncated", setup_truncated_gzip, "build cut.txt.gz {good} -o {out}", NULL, NULL, 0, "cut.txt.gz", WRITTEN, 0, 0, NULL, NULL },
  { "unreadable-in-folder", setup_unreadable_in_folder, "build in -o {out}", NULL, NULL, 0, "Permission denied", WRITTEN, AS_NOBODY, 0, NULL, NULL },
  { "unreadable-subfolder", setup_unreadable_subfolder, "build in -o {out}", NULL, NULL, 0, "locked", WRITTEN, AS_NOBODY, 0, NULL, NULL },
  { "unreadable-file", setup_unreadable_file, "build secret.txt -o {out}", NULL, NULL, 1, "secret.txt", KEEP, AS_NOBODY, 0, NULL, NULL },
  { "strict-unreadable", setup_unreadable_in_folder, "build --strict in -o {out}", NULL, NULL, 2, "--strict: 1 input skipped", KEEP, AS_NOBODY, 0, NULL, NULL },
  { "strict-fifo", setup_fifo_in_folder, "build --strict in -o {out}", NULL, NULL, 2, "existing files left as they were", KEEP, 0, 0, NULL, NULL },
  { "strict-jsonl", setup_jsonl_bad_line, "build --strict feed.jsonl -o {out}", NULL, NULL, 2, "--strict", KEEP, 0, 0, NULL, NULL },
  /* extract and merge: the same statuses */
  { "extract-nothing-read", setup_empty_file, "extract empty.txt -o part.nkgx", NULL, NULL, 1, "no article could be read", UNUSED, 0, 0, NULL, "part.nkgx" },
  { "extract-some-not-read", setup_jsonl_bad_line, "extract feed.jsonl -o part.nkgx", NULL, NULL, 0, "2 inputs not read", UNUSED, 0, 0, NULL, NULL },
  { "extract-strict", setup_jsonl_bad_line, "extract --strict feed.jsonl -o part.nkgx", NULL, NULL, 2, "--strict: 2 inputs skipped", UNUSED, 0, 0, NULL, "part.nkgx" },
  { "merge-no-article", setup_empty_shard, "merge empty.nkgx -o {out}", NULL, NULL, 1, "hold no article", KEEP, ONE_LINE, 0, NULL, NULL },
  { "strict-link-loop", setup_link_loop, "build --strict in -o {out}", NULL, NULL, 2, "--strict", KEEP, 0, 0, NULL, NULL },

  /* Bad options: refused before anything is read. */
  { "base-space", NULL, "build {good} --base 'http://a b/' -o {out}", NULL, NULL, 2, "--base", KEEP, ONE_LINE, 0, NULL, NULL },
  { "base-empty", NULL, "build {good} --base '' -o {out}", NULL, NULL, 2, "--base", KEEP, ONE_LINE, 0, NULL, NULL },
  { "base-relative", NULL, "build {good} --base relative/ -o {out}", NULL, NULL, 2, "not an absolute IRI", KEEP, ONE_LINE, 0, NULL, NULL },
  { "base-no-slash", NULL, "build {good} --base http://example.org/id -o {out}", NULL, NULL, 2, "must end in", KEEP, ONE_LINE, 0, NULL, NULL },
  { "base-javascript", NULL, "build {good} --base 'javascript:alert(1)//' -o {out} --svg g.svg", NULL, NULL, 0, "1 article →", WRITTEN, 0, 0, NULL, "g.svg|href=\"javascript" },
  { "jobs-negative", NULL, "build {good} -j -3 -o {out}", NULL, NULL, 2, "--jobs", KEEP, ONE_LINE, 0, NULL, NULL },
  { "jobs-not-a-number", NULL, "build {good} -jx -o {out}", NULL, NULL, 2, "Cannot parse integer", KEEP, ONE_LINE, 0, NULL, NULL },
  { "format-unknown", NULL, "build {good} --format yaml -o {out}", NULL, NULL, 2, "unknown --format", KEEP, ONE_LINE, 0, NULL, NULL },
  { "option-unknown", NULL, "build {good} --frobnicate -o {out}", NULL, NULL, 2, "Unknown option", KEEP, ONE_LINE, 0, NULL, NULL },
  { "command-unknown", NULL, "frobnicate {out}", NULL, NULL, 2, "unknown command", KEEP, ONE_LINE, 0, NULL, NULL },

  /* Outputs that cannot be written: the old files stay. */
  { "output-no-folder", NULL, "build {good} -o /nonexistent/corpus.ttl", NULL, NULL, 2, "cannot write /nonexistent/corpus.ttl", UNUSED, ONE_LINE, 0, NULL, NULL },
  { "output-is-folder", NULL, "build {good} -o {dir}", NULL, NULL, 2, "Is a directory", UNUSED, ONE_LINE, 0, NULL, NULL },
  { "output-is-input", setup_input, "build a.txt -o a.txt", NULL, NULL, 2, "also an input", UNUSED, ONE_LINE, 0, NULL, NULL },
  { "output-dev-full", NULL, "build {good} -o /dev/full", NULL, NULL, 2, "No space left", UNUSED, ONE_LINE, 0, NULL, NULL },
  { "dot-dev-full", NULL, "build {good} -o {out} --dot /dev/full", NULL, NULL, 2, "No space left", KEEP, ONE_LINE, 0, NULL, NULL },
  { "svg-no-folder", NULL, "build {good} -o {out} --svg /nonexistent/g.svg", NULL, NULL, 2, "cannot write /nonexistent/g.svg", KEEP, ONE_LINE, 0, NULL, NULL },
  { "stdout-dev-full", NULL, "build {good} -o -", NULL, "/dev/full", 2, "No space left", UNUSED, ONE_LINE, 0, NULL, NULL },
  { "json-dev-full", NULL, "build {good} -o {out} --json", NULL, "/dev/full", 2, "cannot write to standard output", KEEP, ONE_LINE, 0, NULL, NULL },
  { "full-disk", setup_full_disk, "build -q {many} -o {dir}/disk/corpus.ttl", NULL, NULL, 2, "No space left", UNUSED, ONE_LINE, 0, NULL, NULL },

  /* Signals during the write: the old graph stays, no temporary left
   * (SIGKILL cannot clean up: only the old graph is checked). */
  { "sigterm-in-write", NULL, "build -q -j 2 {many} -o {out}", NULL, NULL, 128 + SIGTERM, NULL, KEEP, KILL_IN_WRITE, SIGTERM, NULL, NULL },
  { "sigint-in-write", NULL, "build -q -j 2 {many} -o {out}", NULL, NULL, 128 + SIGINT, NULL, KEEP, KILL_IN_WRITE, SIGINT, NULL, NULL },
  { "sighup-in-write", NULL, "build -q -j 2 {many} -o {out}", NULL, NULL, 128 + SIGHUP, NULL, KEEP, KILL_IN_WRITE, SIGHUP, NULL, NULL },
  { "sigkill-in-write", NULL, "build -q -j 2 {many} -o {out}", NULL, NULL, 128 + SIGKILL, NULL, KEEP, KILL_IN_WRITE, SIGKILL, NULL, NULL },

  /* Damaged graph files: a clear error, one line. */
  { "graph-missing", NULL, "list -g nowhere.ttl", NULL, NULL, 2, "nowhere.ttl", KEEP, ONE_LINE, 0, NULL, NULL },
  { "graph-empty", setup_ttl_empty, "list -g empty.ttl", NULL, NULL, 2, "empty (0 bytes)", KEEP, ONE_LINE, 0, NULL, NULL },
  { "graph-truncated", setup_ttl_truncated, "stats -g cut.ttl", NULL, NULL, 2, "cut.ttl", KEEP, ONE_LINE, 0, NULL, NULL },
  { "graph-nul", setup_ttl_nul, "list -g nul.ttl", NULL, NULL, 2, "nul.ttl", KEEP, ONE_LINE, 0, NULL, NULL },
  { "graph-binary", setup_ttl_binary, "facts -g junk.ttl", NULL, NULL, 2, "junk.ttl", KEEP, ONE_LINE, 0, NULL, NULL },
  { "graph-folder", NULL, "list -g {dir}", NULL, NULL, 2, "", KEEP, ONE_LINE, 0, NULL, NULL },
  { "graph-foreign", setup_ttl_foreign, "stats -g foaf.ttl", NULL, NULL, 0, NULL, KEEP, 0, 0, "0", NULL },
  { "graph-literal-not-utf8", setup_ttl_not_utf8, "list --json -g latin.ttl", NULL, NULL, 0, NULL, KEEP, 0, 0, "\"Ra\xef\xbf\xbdnath Singh\"", NULL },
  { "graph-dev-stdin", NULL, "list -g /dev/stdin", "{mini}", NULL, 0, NULL, KEEP, 0, 0, "Rajnath Singh", NULL },
  { "dot-output-dev-full", NULL, "dot -g {out} -o /dev/full", NULL, NULL, 2, "No space left", KEEP, ONE_LINE, 0, NULL, NULL },

  /* Damaged snapshot caches: ignored, the Turtle read, the right answer. */
  { "snapshot-flipped", setup_snapshot_flipped, "show 'Rajnath Singh' -g {out}", NULL, NULL, 0, NULL, KEEP, 0, 0, "Rajnath Singh", NULL },
  { "snapshot-truncated", setup_snapshot_truncated, "list -g {out}", NULL, NULL, 0, NULL, KEEP, 0, 0, "Rajnath Singh", NULL },
  { "snapshot-empty", setup_snapshot_empty, "list -g {out}", NULL, NULL, 0, NULL, KEEP, 0, 0, "Rajnath Singh", NULL },
  { "snapshot-folder", setup_snapshot_folder, "list -g {out}", NULL, NULL, 0, NULL, KEEP, 0, 0, "Rajnath Singh", NULL },
  { "snapshot-of-other-graph", setup_snapshot_other, "list -g {out}", NULL, NULL, 0, NULL, KEEP, 0, 0, "Rajnath Singh", NULL },
  { "snapshot-stale", setup_snapshot_stale, "stats -g {out}", NULL, NULL, 0, NULL, KEEP, 0, 0, "documents", NULL },
};

/* ------------------------------------------------------------------ running */

static char *
replace (const char *s, const char *from, const char *to)
{
  g_auto (GStrv) parts = g_strsplit (s, from, -1);
  return g_strjoinv (to, parts);
}

/* The template with its placeholders filled in; shell-quoted for a
 * command line, as they are for a path. */
static char *
fill (const char *s, const char *dir, gboolean quote)
{
  g_autofree char *out = g_build_filename (dir, "corpus.ttl", NULL);
  const char *names[] = { "{dir}", "{out}", "{good}", "{many}", "{mini}" };
  const char *values[] = { dir, out, good_path, many_dir, mini_path };
  char *r = g_strdup (s);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *was = r;
      g_autofree char *quoted = quote ? g_shell_quote (values[i]) : g_strdup (values[i]);
      r = replace (was, names[i], quoted);
    }
  return r;
}

static void
drop_to_nobody (gpointer data)
{
  (void) data;
  if (geteuid () == 0 && (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
    _exit (126);
}

static guint
count_temporaries (const char *dir)
{
  guint n = 0;
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    n += strstr (name, ".newskg-") != NULL;
  return n;
}

static void
remove_tree (const char *path)
{
  struct stat st;
  if (lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_chmod (path, 0700);
      g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
      const char *name;
      while (d && (name = g_dir_read_name (d)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Feeds the article into the FIFO once newskg opens it for reading. */
static void
feed_fifo (const char *fifo, GSubprocess *p)
{
  int fd = -1;
  for (int i = 0; i < 20000 && fd < 0; i++)
    {
      fd = open (fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        {
          g_assert_cmpint (errno, ==, ENXIO); /* no reader yet */
          if (g_subprocess_get_identifier (p) == NULL)
            return;
          g_usleep (1000);
        }
    }
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fcntl (fd, F_SETFL, 0), ==, 0);
  g_assert_cmpint (write (fd, good_text, strlen (good_text)), ==, (gssize) strlen (good_text));
  close (fd);
}

/* TRUE once every thread of the process is stopped (state 'T' in
 * /proc/PID/task/TID/stat), or the process is gone. */
static gboolean
wait_stopped (const char *pid)
{
  g_autofree char *tasks = g_strdup_printf ("/proc/%s/task", pid);
  for (int i = 0; i < 20000; i++)
    {
      g_autoptr (GDir) d = g_dir_open (tasks, 0, NULL);
      if (!d)
        return TRUE;
      gboolean all = TRUE;
      const char *tid;
      while (all && (tid = g_dir_read_name (d)))
        {
          g_autofree char *path = g_build_filename (tasks, tid, "stat", NULL);
          g_autofree char *stat = NULL;
          if (!g_file_get_contents (path, &stat, NULL, NULL))
            continue; /* the thread ended */
          const char *end = strrchr (stat, ')'); /* the name may hold spaces */
          all = end && end[1] == ' ' && strchr ("TtZX", end[2]) && end[2];
        }
      if (all)
        return TRUE;
      g_usleep (100);
    }
  return FALSE;
}

/* Sends `sig` once the temporary of the graph appears (the write has
 * begun); FALSE when the process finished before it could be seen. Seeing
 * the temporary and signalling are two steps: on a loaded machine the
 * write could end between them, and the signal would find an exited
 * process. So the process is stopped first and the temporary looked at
 * again while it cannot move; the signal waits, pending, until SIGCONT. */
static gboolean
kill_in_write (const char *dir, GSubprocess *p, int sig)
{
  for (int i = 0; i < 240000; i++)
    {
      if (count_temporaries (dir) > 0)
        {
          const char *pid = g_subprocess_get_identifier (p);
          if (pid == NULL)
            return FALSE;
          g_autofree char *id = g_strdup (pid);
          g_subprocess_send_signal (p, SIGSTOP);
          g_assert_true (wait_stopped (id));
          gboolean writing = count_temporaries (dir) > 0;
          if (writing)
            g_subprocess_send_signal (p, sig);
          g_subprocess_send_signal (p, SIGCONT);
          if (writing)
            return TRUE;
          continue; /* the write ended, or another temporary: look again */
        }
      if (g_subprocess_get_identifier (p) == NULL)
        return FALSE;
      g_usleep (250);
    }
  return FALSE;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *dir = g_build_filename (tmp_root, c->name, NULL);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0); /* each case its own, new folder */
  g_autofree char *out = g_build_filename (dir, "corpus.ttl", NULL);
  g_assert_true (g_file_set_contents (out, mini_text, mini_len, NULL));
  g_autofree char *skip = NULL;
  if (c->setup && !c->setup (dir, &skip))
    {
      g_test_skip (skip);
      remove_tree (dir);
      return;
    }
  /* the graph file as the case begins (a setup may change it) */
  g_autofree char *before = NULL;
  gsize before_len;
  g_assert_true (g_file_get_contents (out, &before, &before_len, NULL));

  g_autofree char *args = fill (c->args, dir, TRUE);
  g_auto (GStrv) words = NULL;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_shell_parse_argv (args, NULL, &words, &error));
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) newskg);
  for (char **w = words; *w; w++)
    g_ptr_array_add (argv, *w);
  g_ptr_array_add (argv, NULL);

  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDERR_PIPE;
  if (!c->stdout_to)
    flags |= G_SUBPROCESS_FLAGS_STDOUT_PIPE;
  g_autoptr (GSubprocessLauncher) l = g_subprocess_launcher_new (flags);
  g_subprocess_launcher_set_cwd (l, dir);
  g_subprocess_launcher_setenv (l, "LC_ALL", "C.UTF-8", TRUE);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_subprocess_launcher_setenv (l, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_setenv (l, "NEWSKG_CACHE_MIN_BYTES", "0", TRUE);
  g_autofree char *in = fill (c->stdin_from ? c->stdin_from : "/dev/null", dir, FALSE);
  g_subprocess_launcher_set_stdin_file_path (l, in);
  g_autofree char *to = c->stdout_to ? fill (c->stdout_to, dir, FALSE) : NULL;
  if (to)
    g_subprocess_launcher_set_stdout_file_path (l, to);
  if (c->flags & AS_NOBODY)
    g_subprocess_launcher_set_child_setup (l, drop_to_nobody, NULL, NULL);
  g_autoptr (GSubprocess) p
      = g_subprocess_launcher_spawnv (l, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);

  if (c->flags & FIFO_WRITER)
    {
      g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
      feed_fifo (fifo, p);
    }
  if ((c->flags & KILL_IN_WRITE) && !kill_in_write (dir, p, c->sig))
    {
      g_subprocess_wait (p, NULL, NULL);
      g_test_incomplete ("the graph was written before the test saw it being written");
      remove_tree (dir);
      return;
    }

  g_autoptr (GBytes) out_bytes = NULL, err_bytes = NULL;
  g_assert_true (g_subprocess_communicate (p, NULL, NULL, &out_bytes, &err_bytes, &error));
  g_assert_no_error (error);
  g_autofree char *err = g_strndup (g_bytes_get_size (err_bytes) ? g_bytes_get_data (err_bytes, NULL) : "",
                                    g_bytes_get_size (err_bytes));
  g_autofree char *std_out = out_bytes && g_bytes_get_size (out_bytes)
                                 ? g_strndup (g_bytes_get_data (out_bytes, NULL),
                                              g_bytes_get_size (out_bytes))
                                 : g_strdup ("");
  int status = g_subprocess_get_if_signaled (p) ? 128 + g_subprocess_get_term_sig (p)
                                                : g_subprocess_get_exit_status (p);
  if (status != c->status || (c->err_has && !strstr (err, c->err_has)))
    g_test_message ("%s: exit %d, stderr:\n%s", c->name, status, err);
  g_assert_cmpint (status, ==, c->status);
  if (c->err_has)
    g_assert_nonnull (strstr (err, c->err_has));
  if (c->flags & ONE_LINE)
    {
      g_assert_cmpuint (strlen (err), >, 0);
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }
  if (c->out_has)
    g_assert_nonnull (strstr (std_out, c->out_has));
  if (c->file_lacks)
    {
      g_auto (GStrv) parts = g_strsplit (c->file_lacks, "|", 2);
      g_autofree char *path = g_build_filename (dir, parts[0], NULL);
      g_autofree char *text = NULL;
      if (!parts[1])
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      else
        {
          g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
          g_assert_null (strstr (text, parts[1]));
        }
    }

  /* What became of the graph that was there. */
  g_autofree char *after = NULL;
  gsize after_len;
  g_assert_true (g_file_get_contents (out, &after, &after_len, NULL));
  if (c->guard == WRITTEN)
    {
      g_assert_false (after_len == before_len && memcmp (after, before, after_len) == 0);
      g_autoptr (NkgGraph) g = nkg_graph_load_turtle (out, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g->docs->len, >=, 1);
    }
  else
    g_assert_true (after_len == before_len && memcmp (after, before, after_len) == 0);
  if (!(c->flags & KILL_IN_WRITE && c->sig == SIGKILL))
    g_assert_cmpuint (count_temporaries (dir), ==, 0);

  g_autofree char *disk = g_build_filename (dir, "disk", NULL);
  if (g_file_test (disk, G_FILE_TEST_IS_DIR))
    {
      g_assert_cmpuint (count_temporaries (disk), ==, 0);
      umount (disk);
    }
  remove_tree (dir);
}

/* Enough articles that writing their graph takes a while. */
static void
make_many (const char *dir, guint n)
{
  static const char *first[] = { "Arin", "Bela", "Cato", "Dara", "Emil", "Fenna", "Goran", "Hedda",
                                  "Ivo", "Jorun" };
  static const char *last[] = { "Vantheim", "Orlov", "Castell", "Dunmore", "Eskeland", "Fairholm",
                                "Grisward", "Holloway", "Ingram", "Jessup" };
  static const char *countries[] = { "Norway", "Chile", "Peru", "Canada", "Kenya" };
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf (
          "Ministers meet on river trade\n\nMay %u, 2024\n\n"
          "Foreign Minister %s %s of %s met Trade Minister %s %s of %s on Monday. "
          "The two ministers signed the River Trade Agreement number %u on May %u, 2024.\n",
          i % 28 + 1, first[i % 10], last[(i / 10) % 10], countries[i % 5], first[(i + 3) % 10],
          last[(i / 10 + 3) % 10], countries[(i + 2) % 5], i, i % 28 + 1);
      g_autofree char *name = g_strdup_printf ("a%04u.txt", i);
      g_free (put (dir, name, text, -1));
    }
}

/* Can nobody run the binary (and read what it needs)? */
static gboolean
probe_nobody (void)
{
  if (geteuid () != 0)
    return FALSE;
  g_autoptr (GSubprocessLauncher) l = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                                 | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_cwd (l, shared_dir);
  g_subprocess_launcher_set_child_setup (l, drop_to_nobody, NULL, NULL);
  const char *argv[] = { newskg, "build", "-q", good_path, "-o", "/dev/null", NULL };
  g_autoptr (GSubprocess) p = g_subprocess_launcher_spawnv (l, argv, NULL);
  return p && g_subprocess_wait_check (p, NULL, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  const char *root;
  if (!nkg_test_env (&newskg, &root))
    return 77;
  /* Under /tmp, open to all: the cases run as nobody need to get in. */
  tmp_root = g_dir_make_tmp ("nkg-bad-inputs-XXXXXX", NULL);
  g_chmod (tmp_root, 0755);
  shared_dir = g_build_filename (tmp_root, "shared", NULL);
  g_assert_cmpint (g_mkdir (shared_dir, 0755), ==, 0);
  good_path = put (shared_dir, "good.txt", good_text, -1);
  g_autofree char *repo_mini = g_build_filename (root, "tests", "data", "mini.ttl", NULL);
  g_assert_true (g_file_get_contents (repo_mini, &mini_text, &mini_len, NULL));
  mini_path = put (shared_dir, "mini.ttl", mini_text, mini_len);
  many_dir = g_build_filename (shared_dir, "many", NULL);
#ifdef __SANITIZE_ADDRESS__
  make_many (many_dir, 150);
#else
  make_many (many_dir, 600);
#endif
  nobody_works = probe_nobody ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bad-inputs/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  int rc = g_test_run ();
  remove_tree (tmp_root);
  return rc;
}
