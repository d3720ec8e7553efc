/* suborg.h — part-of between organisations (schema:subOrganization).
 *
 * Follows schema.org's direction: the larger body is the subject, the
 * part the object ("Ministry of Defence" subOrganization "DRDO"). Read
 * from what news writes when it places one body inside another:
 *   "DRDO, an agency of the Ministry of Defence"     (apposition + part noun)
 *   "DRDO, which is part of the Ministry of Defence"
 *   "DRDO under the Ministry of Defence"
 *   "the Defence Ministry's DRDO"                     (possessive)
 * Both ends must be organisations (government or not).
 */
#pragma once

#include "relations.h"

G_BEGIN_DECLS

void nkg_suborg_extract (const NkgRelationInput *in, NkgDocFacts *facts);

G_END_DECLS
