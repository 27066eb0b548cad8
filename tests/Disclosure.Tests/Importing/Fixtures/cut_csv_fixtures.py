"""Cuts the Carbon Gap and OpenClimate fixtures from the real files (bytes kept: BOM, CRLF), then breaks copies on
purpose. Run from the repository root: python3 tests/Disclosure.Tests/Importing/Fixtures/cut_csv_fixtures.py"""
import os

IMPORTS = 'seed-data/imports/'
OUT = 'tests/Disclosure.Tests/Importing/Fixtures/'


def lines(path):
    return open(path, 'rb').read().split(b'\r\n') if b'\r\n' in open(path, 'rb').read() else open(path, 'rb').read().split(b'\n')


def write(path, chosen, eol):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, 'wb').write(eol.join(chosen) + eol)


def replace(line, old, new):
    assert old in line, (line[:80], old)
    return line.replace(old, new, 1)


# Carbon Gap: title, header, JPMorgan, China Construction Bank, Aramco, Apple, the row with a local file (row 7),
# and the row with empty 2019 cells.
cg = lines(IMPORTS + 'carbon-gap-2021/profit_and_emissions_database.csv')
empty2019 = next(i for i, l in enumerate(cg) if i > 1 and l.split(b',')[4:7] == [b'', b'', b''])
rows = [0, 1, 2, 3, 4, 5, 6, empty2019]
sample = [cg[i] for i in rows]
write(OUT + 'CarbonGap/carbon-gap-sample.csv', sample, b'\r\n')
broken = list(sample)
broken[2] = replace(broken[2], b',81655,', b',81 655,')           # row 3: a number with a space
broken[3] = replace(broken[3], b',China Construction Bank,', b',,')  # row 4: no name
broken[4] = replace(broken[4], b',Saudi Arabia,', b',Saudi-Arabia,')  # row 5: unknown country
write(OUT + 'CarbonGap/carbon-gap-broken-rows.csv', broken, b'\r\n')
renamed = list(sample)
renamed[1] = replace(renamed[1], b'(location based when available)', b'(market based)')
write(OUT + 'CarbonGap/carbon-gap-renamed-column.csv', renamed, b'\r\n')

# OpenClimate: the first five actors, FedEx and Ferguson (one LEI), with all their rows in the other files.
oc = IMPORTS + 'openclimate-lei-crosswalk/'
actor = [l for l in open(oc + 'Actor.csv', 'rb').read().split(b'\n') if l]
leis = {l.split(b',')[0] for l in actor[1:6]} | {b'549300E707U7WNPZN687'}
for name in ['Actor.csv', 'ActorIdentifier.csv', 'ActorName.csv']:
    ls = [l for l in open(oc + name, 'rb').read().split(b'\n') if l]
    chosen = [ls[0]] + [l for l in ls[1:] if l.split(b',')[0] in leis]
    write(OUT + 'OpenClimate/sample/' + name, chosen, b'\n')
    if name == 'Actor.csv':
        broken = list(chosen)
        broken[1] = replace(broken[1], b'5493000LKVGOO9PELI61', b'5493000LKVGOO9PELI62')  # row 2: check digits
        broken[2] = replace(broken[2], b',Lafargeholcim,', b',,')                          # row 3: no name
        broken[3] = replace(broken[3], b',CH,', b',CHE,')                                   # row 4: alpha-3
        write(OUT + 'OpenClimate/broken/' + name, broken, b'\n')
    else:
        write(OUT + 'OpenClimate/broken/' + name, chosen, b'\n')
for name in ['DataSource.csv', 'Publisher.csv']:
    for folder in ['sample', 'broken']:
        open(OUT + f'OpenClimate/{folder}/' + name, 'wb').write(open(oc + name, 'rb').read())
