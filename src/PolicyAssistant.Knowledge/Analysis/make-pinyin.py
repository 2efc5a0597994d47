#!/usr/bin/env python3
"""Writes pinyin.txt (character, then its readings without tones) from the npm package pinyin-data 1.0.0 (ISC licence,
github.com/program-in-chinese/npm-pinyin-data): `npm pack pinyin-data@1.0.0 && tar xzf pinyin-data-1.0.0.tgz`, then
`python3 make-pinyin.py package/全拼数据.js > pinyin.txt`. Only the unified CJK block is kept: households type nothing else."""
import json, re, sys, unicodedata

source = open(sys.argv[1], encoding="utf-8").read()
table = json.loads(re.search(r"Object\.freeze\((\{.*?\})\)", source, re.S).group(1))
print("# from pinyin-data 1.0.0 (ISC), see make-pinyin.py; one character a line, then its readings without tones")
for char, readings in sorted(table.items()):
    if len(char) != 1 or not 0x4E00 <= ord(char) <= 0x9FFF:
        continue
    toneless = []
    for reading in readings.split(","):
        plain = "".join(c for c in unicodedata.normalize("NFD", reading.strip()) if not unicodedata.combining(c))
        if plain and plain not in toneless:
            toneless.append(plain)
    print(char, ",".join(toneless))
