#!/usr/bin/env python3
"""Checks the JSON Schemas that `thresholds schema` writes with an independent validator
(Python's jsonschema, draft 2020-12): every example file validates, a few known-bad files are
rejected, and the tool's JSON output (the golden files, and fresh output of the binary given
with --thresholds) validates against the output schemas.

    python3 .ci/validate-schemas.py SCHEMA-DIR [--thresholds .build/debug/thresholds]
"""
import glob
import json
import os
import re
import subprocess
import sys

import yaml
from jsonschema import Draft202012Validator


class Loader(yaml.SafeLoader):
    """YAML as the engine and editors' language servers read it (YAML 1.2's core schema):
    dates stay strings, and only true and false are booleans ('on', 'yes' are strings)."""


Loader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle) if path.endswith(".json") else yaml.load(handle, Loader=Loader)


def main():
    schema_dir = sys.argv[1]
    binary = sys.argv[sys.argv.index("--thresholds") + 1] if "--thresholds" in sys.argv else None
    validators = {}
    for path in glob.glob(os.path.join(schema_dir, "*.schema.json")):
        schema = load(path)
        Draft202012Validator.check_schema(schema)
        validators[os.path.basename(path).removesuffix(".schema.json")] = Draft202012Validator(schema)

    failures = []
    checked = 0

    def check(kind, value, where, expect_valid=True):
        nonlocal checked
        checked += 1
        errors = sorted(validators[kind].iter_errors(value), key=lambda e: list(e.absolute_path))
        if expect_valid and errors:
            failures.append(f"{where}: not a valid {kind}: {errors[0].message} at /{'/'.join(map(str, errors[0].absolute_path))}")
        if not expect_valid and not errors:
            failures.append(f"{where}: a known-bad {kind} file, but the schema accepts it")

    for path in sorted(glob.glob("Rules/**/*.yaml", recursive=True)):
        document = load(path)
        check("vocabulary" if isinstance(document, dict) and "vocabulary" in document else "threshold-document", document, path)
    for path in sorted(glob.glob("Examples/cases/**/*.yaml", recursive=True) + glob.glob("Examples/cases/**/*.json", recursive=True)):
        check("case", load(path), path)
    for path in sorted(glob.glob("Examples/fixtures/**/*.yaml", recursive=True)):
        check("fixtures", load(path), path)
    # The sample caseload holds one deliberately invalid line (7: a misspelt key).
    for path in sorted(glob.glob("Examples/caseload/*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    check("case", json.loads(line), f"{path}:{number}", expect_valid=not (path.endswith("wessex-sample.jsonl") and number == 7))

    known_bad = [
        ("threshold-document", "Tests/ThresholdsTests/Corpus/document-unknown-keys.yaml"),
        ("threshold-document", "Tests/ThresholdsTests/Corpus/document-wrong-types.yaml"),
        ("threshold-document", "Tests/ThresholdsTests/Corpus/document-missing-keys.yaml"),
        ("threshold-document", "Tests/ThresholdsTests/Corpus/document-unknown-action.yaml"),
        ("case", "Tests/ThresholdsTests/CaseCorpus/wrong-types-and-keys.yaml"),
        ("fixtures", "Tests/ThresholdsTests/FixtureCorpus/broken-fixture.yaml"),
    ]
    for kind, path in known_bad:
        check(kind, load(path), path, expect_valid=False)

    for path in sorted(glob.glob("Tests/ThresholdsTests/Snapshots/**/*.json", recursive=True)):
        check("comparison" if "/compare/" in path else "recommendations", load(path), path)

    if binary:
        def run(*arguments):
            return subprocess.run([binary, *arguments], capture_output=True, text=True).stdout
        check("diagnostics", json.loads(run("check", "--format", "json", "Tests/ThresholdsTests/Corpus/check-unknown-names.yaml")),
              "check --format json")
        check("fixture-report", json.loads(run("test", "--format", "json", "Examples/fixtures/kennet.yaml")), "test --format json")
        for number, line in enumerate(run("evaluate", "--jsonl", "Examples/caseload/wessex-sample.jsonl",
                                          "--rules", "Rules/wessex/kennet-neglect.yaml").splitlines(), start=1):
            check("caseload-line", json.loads(line), f"evaluate --jsonl, line {number}")

    for failure in failures:
        print("error: " + failure, file=sys.stderr)
    print(f"{checked} files and outputs checked against the schemas with jsonschema; {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
