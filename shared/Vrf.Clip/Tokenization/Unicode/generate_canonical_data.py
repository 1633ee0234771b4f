"""Writes CanonicalData.cs, the Unicode tables behind UnicodeNfc, from Python's unicodedata.

The CLIP references (OpenAI's ftfy-based cleaner, Hugging Face's tokenizer) normalise with Python's unicodedata, and
.NET's own string.Normalize does nothing under InvariantGlobalization, so the tables come from the same source as the
reference. Run from this folder: python3 generate_canonical_data.py
"""
import unicodedata

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3


def decompositions():
    for cp in range(0x110000):
        if HANGUL_FIRST <= cp <= HANGUL_LAST:
            continue
        mapping = unicodedata.decomposition(chr(cp))
        if not mapping or mapping.startswith("<"):
            continue
        parts = [int(p, 16) for p in mapping.split()]
        composes = len(parts) == 2 and unicodedata.normalize("NFC", chr(cp)) == chr(cp)
        yield cp, parts, composes


def combining_class_ranges():
    ranges = []
    for cp in range(0x110000):
        ccc = unicodedata.combining(chr(cp))
        if ccc == 0:
            continue
        if ranges and ranges[-1][1] == cp - 1 and ranges[-1][2] == ccc:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp, ccc])
    return ranges


def wrap(entries, width=116):
    lines, line = [], ""
    for entry in entries:
        if line and len(line) + len(entry) + 1 > width:
            lines.append(line)
            line = ""
        line = f"{line} {entry}" if line else entry
    lines.append(line)
    return "\n".join("        " + l for l in lines)


decomposition_entries = [
    f"{cp:X}{'*' if composes else ''}={'.'.join(f'{p:X}' for p in parts)}" for cp, parts, composes in decompositions()
]
ccc_entries = [f"{a:X}-{b:X}:{c}" if a != b else f"{a:X}:{c}" for a, b, c in combining_class_ranges()]

with open("CanonicalData.cs", "w", encoding="utf-8", newline="\n") as out:
    out.write(f"""namespace Vrf.Clip.Tokenization.Unicode;

/// <summary>
/// Canonical decompositions and combining classes of the Unicode Character Database {unicodedata.unidata_version}, written by
/// generate_canonical_data.py from Python's unicodedata (the source the CLIP references normalise with).
/// </summary>
/// <remarks>
/// <see cref="Decompositions"/>: <c>code=first.second</c> in hex, one level deep; <c>*</c> marks a primary composite
/// (a pair that NFC composes back). Hangul syllables are algorithmic and not listed. <see cref="CombiningClasses"/>:
/// <c>first-last:class</c> or <c>code:class</c>, code points in hex; every other code point has class 0.
/// </remarks>
internal static class CanonicalData
{{
    public const string Decompositions = \"\"\"
{wrap(decomposition_entries)}
        \"\"\";

    public const string CombiningClasses = \"\"\"
{wrap(ccc_entries)}
        \"\"\";
}}
""")
