/* test-spawn.h — run a command from a test and get its exit status. */
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
