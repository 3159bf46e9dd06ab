"""Expands every JSON-LD twin with PyLD, offline (any fetch is refused), and
checks what the twin promises: it is a dpv:PrivacyNotice under UK law, every
purpose (dpv:Process) whose JSON twin states a lawful basis names the DPV
legal bases for it, and the same document always gives the same RDF.

    python3 jsonld-check.py FOLDER...

Prints one line per problem and `jsonld: N passed, M failed`; exit 1 on any
failure."""
import json
import re
import pathlib
import sys

from pyld import jsonld
from pyld.jsonld import JsonLdError

DPV = "https://w3id.org/dpv#"
# The DPV legal bases of each lawful basis of the notice format.
EXPECTED = {
    "consent": {DPV + "Consent"},
    "contract": {DPV + "Contract"},
    "legal-obligation": {DPV + "LegalObligation"},
    "vital-interests": {DPV + "VitalInterest"},
    "public-task": {DPV + "PublicInterest", DPV + "OfficialAuthorityOfController"},
    "legitimate-interests": {DPV + "LegitimateInterest"},
}


def refuse(url, options=None):
    raise JsonLdError(f"network access refused: {url}", "jsonld.LoadDocumentError",
                      code="loading document failed")


jsonld.set_document_loader(refuse)
OPTIONS = {"documentLoader": refuse}
passed = failed = 0
for folder in sys.argv[1:]:
    for path in sorted(pathlib.Path(folder).rglob("*.jsonld")):
        problems = []
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            graph = jsonld.flatten(doc, None, OPTIONS)
            rdf = jsonld.to_rdf(doc, {**OPTIONS, "format": "application/n-quads"})
            if rdf != jsonld.to_rdf(doc, {**OPTIONS, "format": "application/n-quads"}):
                problems.append("the RDF differs between two expansions")
        except JsonLdError as e:
            problems.append(f"does not expand offline: {e}")
            graph = []
        nodes = {n["@id"]: n for n in graph if "@id" in n}
        notices = [n for n in graph if DPV + "PrivacyNotice" in n.get("@type", [])]
        if len(notices) != 1:
            problems.append(f"{len(notices)} dpv:PrivacyNotice nodes, not 1")
        # The JSON twin beside it says which bases each purpose states.
        twin = path.with_suffix(".json")
        stated = {}
        if twin.exists():
            for entry in json.loads(twin.read_text(encoding="utf-8"))["lawful_bases"]:
                keys = {b["key"] for b in entry["bases"]}
                if keys and keys <= EXPECTED.keys():
                    stated[entry["purpose"]] = set().union(*(EXPECTED[k] for k in keys))
        processes = [n for n in graph if DPV + "Process" in n.get("@type", [])]
        for purpose, wanted in stated.items():
            slug = re.sub(r"[^a-z0-9]+", "-", purpose.lower()).strip("-")
            matching = [p for p in processes if p["@id"].endswith("#purpose-" + slug)]
            if not matching:
                problems.append(f"no dpv:Process for purpose {purpose}")
                continue
            bases = {b["@id"] for b in matching[0].get(DPV + "hasLegalBasis", [])}
            if not wanted <= bases:
                problems.append(f"purpose {purpose}: legal bases {sorted(bases)}, wanted {sorted(wanted)}")
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for p in problems:
                print("  " + p)
        else:
            passed += 1
print(f"jsonld: {passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
