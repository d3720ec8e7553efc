/* walk.c — see walk.h. */
#include "walk.h"

#include "rules.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct _NkgWalk {
  GHashTable *visited; /* "dev:ino" of folders entered */
  NkgWalkSkipFunc skip;
  gpointer data;
};

void
nkg_input_file_free (NkgInputFile *f)
{
  if (!f)
    return;
  g_free (f->path);
  g_free (f->source);
  if (f->bytes)
    g_bytes_unref (f->bytes);
  g_free (f);
}

NkgWalk *
nkg_walk_new (NkgWalkSkipFunc skip, gpointer data)
{
  NkgWalk *w = g_new0 (NkgWalk, 1);
  w->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w->skip = skip;
  w->data = data;
  return w;
}

void
nkg_walk_free (NkgWalk *w)
{
  if (!w)
    return;
  g_hash_table_unref (w->visited);
  g_free (w);
}

static void
add_file (GPtrArray *files, const char *path, const char *source, const struct stat *st,
          gboolean named)
{
  NkgInputFile *f = g_new0 (NkgInputFile, 1);
  f->path = g_strdup (path);
  f->source = g_strdup (source);
  f->size = st && S_ISREG (st->st_mode) ? (guint64) st->st_size : 0;
  f->named = named;
  g_ptr_array_add (files, f);
}

/* FALSE when the folder was entered before (a link back into the tree). */
static gboolean
first_visit (NkgWalk *w, const struct stat *st)
{
  char *key = g_strdup_printf ("%ju:%ju", (uintmax_t) st->st_dev, (uintmax_t) st->st_ino);
  if (g_hash_table_contains (w->visited, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (w->visited, key);
  return TRUE;
}

static const char *
kind_of (mode_t m)
{
  if (S_ISFIFO (m))
    return "a FIFO";
  if (S_ISSOCK (m))
    return "a socket";
  if (S_ISCHR (m) || S_ISBLK (m))
    return "a device";
  return "not a regular file";
}

static int
name_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
walk_folder (NkgWalk *w, const char *dir, const char *rel, GPtrArray *files)
{
  GError *error = NULL;
  GDir *d = g_dir_open (dir, 0, &error);
  if (!d)
    {
      w->skip (dir, error->message, TRUE, w->data);
      g_error_free (error);
      return;
    }
  /* Sorted here too, so that skip lines come out in a stable order. */
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, name_cmp);
  for (guint i = 0; i < names->len; i++)
    {
      name = g_ptr_array_index (names, i);
      if (name[0] == '.')
        continue; /* hidden files, .git, .svn, .hg … */
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *child_rel = rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      struct stat lst, st;
      if (lstat (path, &lst) != 0)
        {
          w->skip (path, g_strerror (errno), TRUE, w->data);
          continue;
        }
      gboolean link = S_ISLNK (lst.st_mode);
      if (link && stat (path, &st) != 0)
        {
          w->skip (path, "a broken symbolic link", TRUE, w->data);
          continue;
        }
      if (!link)
        st = lst;
      if (S_ISDIR (st.st_mode))
        {
          if (nkg_rules_has ("folders", "skip", name))
            continue;
          if (!first_visit (w, &st))
            {
              w->skip (path, link ? "a link to a folder already read" : "a folder already read",
                       FALSE, w->data);
              continue;
            }
          walk_folder (w, path, child_rel, files);
        }
      else if (S_ISREG (st.st_mode))
        add_file (files, path, child_rel, &st, FALSE);
      else
        w->skip (path, kind_of (st.st_mode), FALSE, w->data);
    }
}

gboolean
nkg_walk_add (NkgWalk *w, const char *arg, GPtrArray *files, GError **error)
{
  if (strcmp (arg, "-") == 0)
    {
      add_file (files, "-", "-", NULL, TRUE);
      return TRUE;
    }
  struct stat st;
  if (stat (arg, &st) != 0)
    {
      int e = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "%s: %s", arg,
                   e == ENOENT ? "no such file or directory" : g_strerror (e));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      if (!first_visit (w, &st))
        {
          /* Named twice, or inside a folder named before. */
          w->skip (arg, "a folder already read", FALSE, w->data);
          return TRUE;
        }
      if (access (arg, R_OK | X_OK) != 0)
        {
          int e = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "%s: %s", arg, g_strerror (e));
          return FALSE;
        }
      walk_folder (w, arg, NULL, files);
      return TRUE;
    }
  /* Named explicitly, a FIFO or a device (/dev/stdin) is what the user
   * wants read: take it. */
  g_autofree char *base = g_path_get_basename (arg);
  add_file (files, arg, base, &st, TRUE);
  return TRUE;
}
