/* chunks.h — noun phrases, verb groups, clauses, coordination.
 *
 * The shallow syntactic layer over the tagger (tagger.h): each sentence is
 * cut into chunks — noun phrases ("the Kenyan trade minister", a mention's
 * whole span always inside one), verb groups ("will not sign", "was signed",
 * with voice and modality), prepositions, conjunctions, clause openers and
 * punctuation. Noun phrases joined by "and"/"or"/commas form one group;
 * a verb group's subject and object are the noun phrases the rules ask for
 * (subject: the nearest group before it in its clause, past an adverbial
 * "on Monday"; object: the one after it). Rules in patterns.c match over
 * these instead of word windows.
 */
#pragma once

#include <glib.h>

#include "segment.h"
#include "tagger.h"

G_BEGIN_DECLS

typedef enum {
  NKG_CHUNK_NP,
  NKG_CHUNK_VG,
  NKG_CHUNK_PREP,
  NKG_CHUNK_CONJ,
  NKG_CHUNK_CLAUSE, /* that, which, who, because, while: opens a clause */
  NKG_CHUNK_PUNCT,
  NKG_CHUNK_ADV,
  NKG_CHUNK_OTHER
} NkgChunkKind;

typedef struct {
  guint first, last;  /* tokens [first, last) */
  guint8 kind;        /* NkgChunkKind */
  guint8 passive;     /* VG: "was signed", "signed by" after a noun phrase */
  guint8 planned;     /* VG: modal or infinitive: "will sign", "to sign", "could sign" */
  guint8 negated;     /* VG: "did not sign" */
  guint8 gerund;      /* VG: "signing", "after signing" */
  guint head;         /* NP: its head token; VG: its main verb */
  guint sentence;
  guint clause;       /* clause number, counted through the document */
  gint group;         /* NP: first chunk of its coordination group ("A, B and C") */
  const char *lemma;  /* head's lemma */
} NkgChunk;

typedef struct NkgChunks {
  GArray *chunks;     /* NkgChunk, in document order */
  GArray *sent_first; /* guint: sentence → its first chunk; one more entry past the end */
  GArray *of_token;   /* guint: token → its chunk */
} NkgChunks;

/* `mentions` (NkgMention*, by position; may be NULL) keep names whole. */
NkgChunks *nkg_chunks_new (const NkgSegments *seg, const NkgTags *tags, GPtrArray *mentions);
void nkg_chunks_free (NkgChunks *chunks);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgChunks, nkg_chunks_free)

static inline const NkgChunk *
nkg_chunk (const NkgChunks *c, guint i)
{
  return &g_array_index (c->chunks, NkgChunk, i);
}

/* The chunks of sentence s: [*from, *to). */
void nkg_chunks_sentence (const NkgChunks *c, guint s, guint *from, guint *to);

/* The chunk indices of the noun-phrase group that chunk `np` belongs to,
 * in order ("Chile, Peru and Bolivia" → three). */
GArray *nkg_chunks_group (const NkgChunks *c, guint np);

/* The subject noun phrase of verb group `vg` (the last of its group), or
 * -1: the nearest noun phrase before it in its clause, past adverbials
 * ("on Monday", "yesterday") and a comma-enclosed apposition. */
gint nkg_chunks_subject (const NkgChunks *c, guint vg);

/* The object noun phrase right after verb group `vg`, or -1. */
gint nkg_chunks_object (const NkgChunks *c, guint vg);

/* "[NP the Kenyan minister] [VG signed] …" for a sentence (tests, tools). */
char *nkg_chunks_describe (const NkgChunks *c, const NkgSegments *seg, guint sentence);

G_END_DECLS
