"""What Python's toml package (Streamlit's secrets parser) reads from each generated secrets file.

Usage: toml_oracle.py SEED COUNT DIR -> writes DIR/<id>/.streamlit/secrets.toml for each case and
prints one JSON object per line: id, tags, and either connections (every value tagged with its
type, dates as ISO text) or error.
"""
import datetime
import json
import os
import sys

import toml

import toml_cases


def tagged(value):
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": value}
    if isinstance(value, float):
        return {"float": repr(value)}
    if isinstance(value, str):
        return {"str": value}
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return {"date": value.isoformat()}
    if isinstance(value, list):
        return {"list": [tagged(v) for v in value]}
    if isinstance(value, dict):
        return {"table": {str(k): tagged(v) for k, v in value.items()}}
    return {"other": repr(value)}


def main():
    seed, count, root = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    print(json.dumps({"toml": toml.__version__}))
    for case in toml_cases.cases(seed, count):
        folder = os.path.join(root, case["id"], ".streamlit")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "secrets.toml"), "w", encoding="utf-8", newline="") as f:
            f.write(case["text"])
        line = {"id": case["id"], "tags": case["tags"]}
        try:
            # as Streamlit reads it: the file's text, decoded as UTF-8, then toml.loads
            with open(os.path.join(folder, "secrets.toml"), encoding="utf-8") as f:
                parsed = toml.loads(f.read())
            line["connections"] = tagged(parsed.get("connections", {}))
        except Exception as e:
            line["error"] = type(e).__name__ + ": " + str(e)
        print(json.dumps(line, ensure_ascii=False))


if __name__ == "__main__":
    main()
