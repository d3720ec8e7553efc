/* test-spawn.h — run a command from a test and get its exit status; find
 * the binary under test. */
#pragma once

#include <glib.h>
#include <sys/wait.h>

/* Runs argv (NULL-terminated), capturing stdout/stderr when asked; the
 * exit status, or -1 when killed by a signal. */
static G_GNUC_UNUSED int
nkg_test_run (const char *const *argv, char **out, char **err)
{
  int status = -1;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* The binary under test and the source tree, as meson test gives them
 * (NEWSKG, NKG_SOURCE_ROOT). FALSE, having said so, when either is
 * missing: the test's main then returns 77, which meson counts as
 * skipped. */
static G_GNUC_UNUSED gboolean
nkg_test_env (const char **newskg, const char **root)
{
  *newskg = g_getenv ("NEWSKG");
  *root = g_getenv ("NKG_SOURCE_ROOT");
  if (*newskg && *root)
    return TRUE;
  g_printerr ("set NEWSKG and NKG_SOURCE_ROOT (meson test does)\n");
  return FALSE;
}
