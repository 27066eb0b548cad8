"""Cuts the Net Zero Tracker fixtures from the real snapshot: the header and a few real rows (keeping their row
numbers), then breaks copies on purpose. Run from the repository root: python3 tests/Disclosure.Tests/Importing/Fixtures/NetZeroTracker/cut_fixtures.py"""
import re, zipfile

SOURCE = 'seed-data/imports/net-zero-tracker-2022-12-20/snapshot_2022-12-20_13-07-14.xlsx'
OUT = 'tests/Disclosure.Tests/Importing/Fixtures/NetZeroTracker/'
ROWS = [1, 2, 200, 913, 2090, 2121, 2143, 2151, 2166, 2190, 2198, 2564, 2567, 3109, 3281, 3560]

with zipfile.ZipFile(SOURCE) as z:
    parts = {n: z.read(n) for n in z.namelist()}
sheet = parts['xl/worksheets/sheet1.xml'].decode('utf-8')
head, rest = sheet.split('<sheetData>', 1)
body, tail = rest.split('</sheetData>', 1)
rows = {int(m.group(1)): m.group(0) for m in re.finditer(r'<row r="(\d+)".*?</row>', body, re.S)}


def write(name, edit=lambda rows: rows):
    chosen = edit({n: rows[n] for n in ROWS})
    xml = head + '<sheetData>' + ''.join(chosen[n] for n in sorted(chosen)) + '</sheetData>' + tail
    with zipfile.ZipFile(OUT + name, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), xml.encode('utf-8') if n == 'xl/worksheets/sheet1.xml' else data)


def cell(rows, row, col, old, new):
    text = rows[row]
    patterns = [f'<c r="{col}{row}" t="inlineStr"><is><t>{old}</t></is></c>', f'<c r="{col}{row}"><v>{old}</v></c>']
    pattern = next((p for p in patterns if p in text), None)
    assert pattern, (row, col, old)
    rows[row] = text.replace(pattern, f'<c r="{col}{row}" t="inlineStr"><is><t>{new}</t></is></c>')
    return rows


def drop_name(rows):
    rows[2567] = re.sub(r'<c r="C2567" t="inlineStr"><is><t>Alibaba</t></is></c>', '', rows[2567])
    return rows


write('nzt-sample.xlsx')
write('nzt-renamed-column.xlsx', lambda r: cell(r, 1, 'P', 'end_target_year', 'end_target_yr'))
write('nzt-reordered-columns.xlsx', lambda r: cell(cell(r, 1, 'C', 'name', 'country'), 1, 'D', 'country', 'name'))
write('nzt-broken-rows.xlsx', lambda r: cell(cell(cell(drop_name(r), 2564, 'P', '2050', '20x0'), 2121, 'F', 'US9884981013', 'US9884981014'), 3281, 'E', 'Company', 'Firm'))
