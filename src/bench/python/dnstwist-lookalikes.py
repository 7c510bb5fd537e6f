#!/usr/bin/python3
"""Look-alikes of learned names made by the public typo-squatting generator dnstwist (Debian package
dnstwist, used as a library: no DNS queries), for the learning simulation of the benchmark.

usage: dnstwist-lookalikes.py LEARNED_FILE REAL_FILE SAMPLE SEED [TLD_DICTIONARY]
Prints "lookalike<TAB>target<TAB>fuzzer" lines: for SAMPLE learned names drawn with SEED, up to 6
look-alikes per dnstwist fuzzer (12 homoglyphs), none of them a name of REAL_FILE. With a TLD
dictionary, dnstwist's tld-swap fuzzer runs too.
"""
import random
import sys

import dnstwist

learned_file, real_file, sample, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
tlds = None
if len(sys.argv) > 5:
    with open(sys.argv[5]) as f:
        tlds = [l.strip() for l in f if l.strip() and not l.startswith('//')]
with open(learned_file) as f:
    learned = [l.strip() for l in f if l.strip()]
with open(real_file) as f:
    real = {l.strip() for l in f if l.strip()}
rng = random.Random(seed)
for target in rng.sample(learned, min(sample, len(learned))):
    fuzzer = dnstwist.Fuzzer(target, tld_dictionary=tlds or [])
    fuzzer.generate()
    by_kind = {}
    for d in fuzzer.domains:
        if d['fuzzer'].startswith('*') or d['domain'] in real:
            continue
        by_kind.setdefault(d['fuzzer'], []).append(d['domain'])
    for kind in sorted(by_kind):
        names = sorted(by_kind[kind])
        for name in rng.sample(names, min(len(names), 12 if kind == 'homoglyph' else 6)):
            print('%s\t%s\t%s' % (name, target, kind))
