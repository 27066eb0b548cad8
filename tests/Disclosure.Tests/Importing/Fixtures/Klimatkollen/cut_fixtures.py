"""Cuts the Klimatkollen fixtures from the real files, then breaks copies on purpose. Run from the repository root:
python3 tests/Disclosure.Tests/Importing/Fixtures/Klimatkollen/cut_fixtures.py"""
import json
import os

IMPORTS = 'seed-data/imports/klimatkollen-2024-10/'
OUT = 'tests/Disclosure.Tests/Importing/Fixtures/Klimatkollen/'


def dump(path, value, **kw):
    open(path, 'w', encoding='utf-8', newline='').write(json.dumps(value, ensure_ascii=False, **kw))


# Companies: Lundbergs Fastigheter ($[0]: scope2 mb and lb null, emissions set), Modern Times Group ($[17]: mb and lb,
# floats, verified URLs), AddLife ($[129]: totalEmissions/totalUnit beside its years), Sampo Group ($[141]).
companies = json.load(open(IMPORTS + 'companies_2024-10-09.json', encoding='utf-8'))
sample = [companies[i] for i in (0, 17, 129, 141)]
assert [c['companyName'] for c in sample] == ['Lundbergs Fastigheter', 'Modern Times Group MTG AB', 'AddLife', 'Sampo Group']
minified = {'separators': (',', ':')}
dump(OUT + 'companies-sample.json', sample, **minified)
broken = json.loads(json.dumps(sample))
broken[0]['wikidataId'] = 'Q0126366671'                                     # leading zero
broken[0]['baseYear'] = '2021/22'                                           # a fiscal year, not a year
broken[1]['companyName'] = ''                                               # no name: the company is rejected
broken[2]['emissions']['2023']['scope3']['categories']['17_extra'] = 5      # no such category
broken[2]['goals'][0]['year'] = 'snart'                                     # not a year
broken[3]['emissions']['2023']['scope1']['emissions'] = '4 321'             # text, not a JSON number
dump(OUT + 'companies-broken-values.json', broken, **minified)
renamed = json.loads(json.dumps(sample))
renamed[1]['emission'] = renamed[1].pop('emissions')
dump(OUT + 'companies-renamed-key.json', renamed, **minified)

# facit.csv: header, AAK (comma thousands), ABB (categories), Arion Bank (decimal points), Essity (1,240,000); bytes kept.
facit = open(IMPORTS + 'facit.csv', 'rb').read()
eol = b'\r\n' if b'\r\n' in facit else b'\n'
lines = facit.split(eol)
chosen = [lines[0]] + [l for l in lines[1:] if l.split(b',')[0] in (b'AAK', b'ABB', b'Arion Bank', b'Essity')]
assert len(chosen) == 5
open(OUT + 'facit-sample.csv', 'wb').write(eol.join(chosen) + eol)
bad = list(chosen)
assert b'"260,834"' in bad[1]
bad[1] = bad[1].replace(b'"260,834"', b'"260,83"', 1)        # row 2: a comma that may be a decimal comma
assert b',Q52825,' in bad[2]
bad[2] = bad[2].replace(b',Q52825,', b',52825,', 1)          # row 3: no Q
open(OUT + 'facit-broken-cells.csv', 'wb').write(eol.join(bad) + eol)
renamed = list(chosen)
renamed[0] = renamed[0].replace(b'23_scope2MB', b'23_scope2_mb', 1)
open(OUT + 'facit-renamed-column.csv', 'wb').write(eol.join(renamed) + eol)

# Name to Wikidata: the first three pairs and SJ.
names = json.load(open(IMPORTS + 'klimatkollen-company-wikidata.json', encoding='utf-8'))
keys = list(names)[:3] + [k for k in names if k == 'SJ']
assert len(keys) == 4, keys
dump(OUT + 'wikidata-sample.json', {k: names[k] for k in keys}, indent=2)
broken = {k: names[k] for k in keys}
broken[keys[1]] = dict(broken[keys[1]], wikidataId='q131825039')   # lower-case q
dump(OUT + 'wikidata-broken.json', broken, indent=2)
