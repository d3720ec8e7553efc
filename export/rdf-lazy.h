/* rdf-lazy.h — Raptor is opened on its first call (raptor-lazy.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NULL when Raptor is loaded (it is, after this call, if it can be), else
 * why it could not be: for a message beside "cannot start Raptor". */
const char *nkg_raptor_load_error (void);

G_END_DECLS
