/* vocab.c — contract tables; see vocab.h. */
#include "vocab.h"

#include <string.h>

static const NkgClassInfo classes[NKG_CLASS_N] = {
  { NKG_CLASS_PERSON, "person", "Person", NKG_NS_SCHEMA "Person", NULL },
  { NKG_CLASS_GOV_ORG, "government", "Government body", NKG_NS_SCHEMA "GovernmentOrganization",
    NKG_NS_SCHEMA "Organization" },
  { NKG_CLASS_ORG, "organization", "Organisation", NKG_NS_SCHEMA "Organization", NULL },
  { NKG_CLASS_COUNTRY, "country", "Country", NKG_NS_SCHEMA "Country", NKG_NS_SCHEMA "Place" },
  { NKG_CLASS_CITY, "city", "City", NKG_NS_SCHEMA "City", NKG_NS_SCHEMA "Place" },
  { NKG_CLASS_PLACE, "place", "Place", NKG_NS_SCHEMA "Place", NULL },
  { NKG_CLASS_EVENT, "event", "Event", NKG_NS_SCHEMA "Event", NULL },
  { NKG_CLASS_AGREEMENT, "agreement", "Agreement", NKG_NS_NKG "Agreement", NULL },
};

static const NkgPropInfo props[NKG_PROP_N] = {
  { NKG_PROP_JOB_TITLE, "jobTitle", NKG_NS_SCHEMA "jobTitle", NKG_OBJ_STRING, FALSE },
  { NKG_PROP_REPRESENTS, "represents", NKG_NS_NKG "represents", NKG_OBJ_ENTITY, FALSE },
  { NKG_PROP_WORKS_FOR, "worksFor", NKG_NS_SCHEMA "worksFor", NKG_OBJ_ENTITY, FALSE },
  { NKG_PROP_SIGNED, "signed", NKG_NS_NKG "signed", NKG_OBJ_ENTITY, FALSE },
  { NKG_PROP_PARTY, "party", NKG_NS_NKG "party", NKG_OBJ_ENTITY, FALSE },
  { NKG_PROP_SIGNED_IN, "signedIn", NKG_NS_NKG "signedIn", NKG_OBJ_ENTITY, FALSE },
  { NKG_PROP_SIGNED_ON, "signedOn", NKG_NS_NKG "signedOn", NKG_OBJ_DATE, FALSE },
  { NKG_PROP_REPLACES, "replaces", NKG_NS_NKG "replaces", NKG_OBJ_ENTITY, FALSE },
  { NKG_PROP_DURATION, "duration", NKG_NS_NKG "duration", NKG_OBJ_DURATION, FALSE },
  { NKG_PROP_MET, "met", NKG_NS_NKG "met", NKG_OBJ_ENTITY, TRUE },
  { NKG_PROP_ATTENDED, "attended", NKG_NS_NKG "attended", NKG_OBJ_ENTITY, FALSE },
  { NKG_PROP_LOCATION, "location", NKG_NS_SCHEMA "location", NKG_OBJ_ENTITY, FALSE },
  { NKG_PROP_START_DATE, "startDate", NKG_NS_SCHEMA "startDate", NKG_OBJ_DATE, FALSE },
  { NKG_PROP_CONTAINED_IN, "containedInPlace", NKG_NS_SCHEMA "containedInPlace", NKG_OBJ_ENTITY,
    FALSE },
  { NKG_PROP_SUB_ORG, "subOrganization", NKG_NS_SCHEMA "subOrganization", NKG_OBJ_ENTITY, FALSE },
  { NKG_PROP_HANDLE, "handle", NKG_NS_NKG "handle", NKG_OBJ_STRING, FALSE },
};

const NkgClassInfo *
nkg_class_info (NkgClass klass)
{
  g_return_val_if_fail (klass >= 0 && klass < NKG_CLASS_N, NULL);
  return &classes[klass];
}

const NkgPropInfo *
nkg_prop_info (NkgProp prop)
{
  g_return_val_if_fail (prop >= 0 && prop < NKG_PROP_N, NULL);
  return &props[prop];
}

NkgClass
nkg_class_from_iri (const char *iri)
{
  for (int i = 0; iri && i < NKG_CLASS_N; i++)
    if (strcmp (classes[i].iri, iri) == 0)
      return (NkgClass) i;
  return NKG_CLASS_NONE;
}

NkgClass
nkg_class_from_key (const char *key)
{
  for (int i = 0; key && i < NKG_CLASS_N; i++)
    if (g_ascii_strcasecmp (classes[i].key, key) == 0)
      return (NkgClass) i;
  return NKG_CLASS_NONE;
}

NkgProp
nkg_prop_from_iri (const char *iri)
{
  for (int i = 0; iri && i < NKG_PROP_N; i++)
    if (strcmp (props[i].iri, iri) == 0)
      return (NkgProp) i;
  return NKG_PROP_NONE;
}

NkgProp
nkg_prop_from_key (const char *key)
{
  for (int i = 0; key && i < NKG_PROP_N; i++)
    if (g_ascii_strcasecmp (props[i].key, key) == 0)
      return (NkgProp) i;
  return NKG_PROP_NONE;
}

NkgClass
nkg_class_coarse (NkgClass klass)
{
  switch (klass)
    {
    case NKG_CLASS_GOV_ORG:
      return NKG_CLASS_ORG;
    case NKG_CLASS_COUNTRY:
    case NKG_CLASS_CITY:
      return NKG_CLASS_PLACE;
    default:
      return klass;
    }
}

gboolean
nkg_class_compatible (NkgClass a, NkgClass b)
{
  return nkg_class_coarse (a) == nkg_class_coarse (b);
}
