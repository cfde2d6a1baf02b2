"""Seeded generator of secrets.toml files, as users write them, with the quirks Python's toml
package (which Streamlit reads secrets with) reads differently from TOML 1.0 mixed in.

Each case: id, text (the file) and tags (the quirks in it, matched against the table of
deliberate differences).
"""
import random

NAMES = ["shop", "pg", "warehouse", "analytics", "my_db", "local-db", "Prod", "x1"]
KEYS = ["url", "dialect", "host", "port", "database", "username", "password", "driver", "ttl", "note"]


def _value(rng):
    kind = rng.random()
    if kind < 0.45:
        text = rng.choice(["postgresql://u:p@h/db", "db.example.com", "shop", "a b", "x=y", "é€", "tab\there",
                           "quote\"d", "back\\slash", "", "50%off"])
        if rng.random() < 0.2 and "'" not in text and "\t" not in text:
            return "'" + text + "'"
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'
    if kind < 0.6:
        return str(rng.choice([5432, 0, -1, 1_000, 65535]))
    if kind < 0.68:
        return rng.choice(["1_000", "0x1F", "0o17", "1e3", "3.5", "-0.25"])
    if kind < 0.76:
        return rng.choice(["true", "false"])
    if kind < 0.88:
        return "[" + ", ".join(rng.choice(['"a"', '"-c x=1"', '"b c"']) for _ in range(rng.randint(0, 3))) + "]"
    return "{ sslmode = \"require\", connect_timeout = 10 }"


QUIRKS = {
    "nbsp-around-equals": lambda rng: rng.choice(["note\u00a0= \"x\"", "note =\u00a0\"x\"", "note\u00a0=\u00a0\"x\""]),
    "non-ascii-key": lambda rng: rng.choice(["café = 1", "naïve = \"x\"", "ключ = true"]),
    "control-char-string": lambda rng: "note = \"a" + rng.choice(["\x01", "\x1b", "\x7f"]) + "b\"",
    "control-char-comment": lambda rng: "# copied from a terminal " + rng.choice(["\x1b[0m", "\x07", "\x7f"]),
    "mixed-array": lambda rng: "hosts = [\"a\", 1]",
    "date": lambda rng: rng.choice(["since = 2024-01-02", "rotated = 2024-05-06T07:08:09Z", "at = 07:30:00"]),
    "escaped-quote": lambda rng: "note = \"\\\"\"",
    "quoted-key-escape": lambda rng: rng.choice(["\"a\\\"b\" = 1", "\"tab\\tkey\" = 1", "\"u\\u00e9\" = 1"]),
    "multiline-close-space": lambda rng: "note = \"\"\"line one\nline two\"\"\" ",
    "multiline-close-comment": lambda rng: "note = \"\"\"line one\nline two\"\"\" # end",
    "multiline-basic": lambda rng: "note = \"\"\"\nline one\nline two\"\"\"",
    "multiline-literal": lambda rng: "note = '''\nraw \\n text'''",
    "dotted-key": lambda rng: "query.sslmode = \"require\"",
    "inline-table": lambda rng: "query = { application_name = \"app\" }",
}
LINE_QUIRKS = ["lone-cr", "bom-mid-file", "bom-start", "crlf"]


def _section(rng, name, quirks, tags):
    lines = ["[connections." + name + "]"]
    used = set()
    for _ in range(rng.randint(1, 5)):
        key = rng.choice(KEYS)
        if key in used:
            continue
        used.add(key)
        lines.append(key + " = " + _value(rng))
    for quirk in quirks:
        line = QUIRKS[quirk](rng)
        key = line.split("=")[0].strip().strip('"')
        if key in used or (key == "query" and "query" in used):
            continue
        used.add(key)
        lines.append(line)
        tags.append(quirk)
    if rng.random() < 0.3 and "query" not in used:
        lines.append("[connections." + name + ".query]")
        lines.append("sslmode = \"require\"")
    return lines


def case(rng, number):
    tags = []
    names = rng.sample(NAMES, rng.randint(1, 4))
    lines = []
    if rng.random() < 0.3:
        lines += ["# app settings", "title = \"Shop\"", ""]
    for name in names:
        quirks = [q for q in QUIRKS if rng.random() < 0.06]
        lines += _section(rng, name, quirks, tags) + [""]
    if rng.random() < 0.2:
        lines += ["[other]", "key = \"value\"", ""]
    text = "\n".join(lines)
    line_quirk = rng.choice(LINE_QUIRKS) if rng.random() < 0.25 else None
    if line_quirk == "crlf":
        text = text.replace("\n", "\r\n")
    elif line_quirk == "lone-cr":
        at = text.find("\n", len(text) // 2)
        text = text[:at] + "\r" + text[at + 1:] if at > 0 else text
    elif line_quirk == "bom-start":
        text = "\ufeff" + text
    elif line_quirk == "bom-mid-file":
        at = text.find("\n[", 1)
        text = text[:at + 1] + "\ufeff" + text[at + 1:] if at > 0 else text
    if line_quirk:
        tags.append(line_quirk)
    return {"id": "t%04d" % number, "text": text, "tags": sorted(set(tags))}


def cases(seed, count):
    rng = random.Random(seed)
    return [case(rng, n) for n in range(count)]
