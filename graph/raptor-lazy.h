/* raptor-lazy.h — Raptor is opened on its first call (raptor-lazy.c);
 * graph/load.c reads with it and export/rdf.c writes with it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NULL when Raptor is loaded (it is, after this call, if it can be), else
 * why it could not be: for a message beside "cannot start Raptor". */
const char *nkg_raptor_load_error (void);

/* "cannot start Raptor", and why when it could not be opened. */
char *nkg_raptor_start_failure (void);

G_END_DECLS
