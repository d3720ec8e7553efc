/* listed.h — agreements written as "KIND between A and B on TOPIC", the
 * way outcome lists give them (see listed.c). */
#pragma once

#include <glib.h>

#include "lexicon.h"
#include "segment.h"

G_BEGIN_DECLS

/* For an agreement whose head ends before token `after`: when the text
 * goes on "between A and B on TOPIC" (or "concerning TOPIC", or, for an
 * agreement opening a numbered or bulleted line (`item`), "on TOPIC"),
 * the token of the word that brings in the topic (*prep) and the end of
 * the topic (*end). Words inside a mention (`mentions`, sorted by
 * position) never bring in a topic: "the Ministry for Fisheries". */
gboolean nkg_listed_topic (const NkgSegments *seg, const GPtrArray *mentions, guint after, guint s_last,
                           gboolean item, guint *prep, guint *end);

/* Names each such agreement "KIND on TOPIC" ("MoU on lunar exploration"),
 * marks it listed and apart from the article's main agreement, and makes
 * a mention of a bare capitalised head opening its line ("Agreement
 * between the Government of …"). Runs between mentions and coref. */
void nkg_listed_agreements (const NkgLexicon *lexicon, const NkgSegments *seg, GPtrArray *mentions);

G_END_DECLS
