"""Workbooks of another program's making for the graft corpus (test/support/corpus/index.ts).

Run with Debian's python3 (python3-xlsxwriter): python3 xlsxwriter_corpus.py OUT_DIR ICON_PNG VBA_BIN
Writes, from the project's own files (an icon as the image, the Debian package's example
vbaProject.bin as the macro project):
  xw-features.xlsx  a chart, an image, comments, a hidden and a very hidden sheet, a protected
                    sheet, CJK sheet names, defined names including the user's own SVC_ neighbours
  xw-macro.xlsm     a workbook with a VBA project
  xw-1904.xlsx      a workbook in the 1904 date system, with dates
"""
import datetime
import sys

import xlsxwriter
import zipfile

out, icon, vba = sys.argv[1], sys.argv[2], sys.argv[3]


def make_very_hidden(path, sheet):
    """Sets a hidden sheet's state to veryHidden in xl/workbook.xml (every other entry copied)."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            if info.filename == "xl/workbook.xml":
                text = data.decode("utf-8")
                before = f'<sheet name="{sheet}"'
                at = text.index(before)
                end = text.index("/>", at)
                text = text[:at] + text[at:end].replace('state="hidden"', 'state="veryHidden"') + text[end:]
                data = text.encode("utf-8")
            z.writestr(info, data)


def data_sheet(wb, name):
    ws = wb.add_worksheet(name)
    bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    ws.write_row(0, 0, ["区域", "一月", "二月", "三月"], bold)
    rows = [["维修车间", 12, 15, 11], ["备件库", 7, 9, 13], ["接待区", 4, 6, 5]]
    for i, r in enumerate(rows):
        ws.write_row(i + 1, 0, r)
        ws.write_formula(i + 1, 4, f"=SUM(B{i + 2}:D{i + 2})", None, sum(r[1:]))
    ws.write(0, 4, "合计", bold)
    ws.set_column(0, 0, 14)
    return ws


wb = xlsxwriter.Workbook(f"{out}/xw-features.xlsx")
ws = data_sheet(wb, "销售数据")
chart = wb.add_chart({"type": "column"})
for col, month in [(1, "一月"), (2, "二月"), (3, "三月")]:
    chart.add_series({"name": month, "categories": "='销售数据'!$A$2:$A$4", "values": ["销售数据", 1, col, 3, col]})
chart.set_title({"name": "各区域工单"})
ws.insert_chart("G2", chart)
ws.insert_image("G18", icon)
ws.write_comment("A2", "维修车间：含外协工单")
ws.write_comment("B3", "Note in English")
hidden = wb.add_worksheet("旧数据")
hidden.write("A1", "hidden sheet text")
hidden.hide()
very = wb.add_worksheet("VeryHidden")
very.write("A1", "very hidden")
very.hide()  # made very hidden below: XlsxWriter 3.0 writes only "hidden"
locked = wb.add_worksheet("Protected 保护")
locked.write("A1", "此表受保护 / protected")
locked.protect("pw")
wb.define_name("SVC_Foo", "='销售数据'!$B$2:$D$4")
wb.define_name("SVC_Weights_User", "='销售数据'!$E$2:$E$4")
wb.define_name("svc_plan_note", "='销售数据'!$A$1")
wb.define_name("'销售数据'!LocalName", "='销售数据'!$A$1")
wb.set_properties({"title": "corpus features", "author": "XlsxWriter"})
ws.activate()
wb.close()
make_very_hidden(f"{out}/xw-features.xlsx", "VeryHidden")

wb = xlsxwriter.Workbook(f"{out}/xw-macro.xlsm")
data_sheet(wb, "Data")
wb.add_vba_project(vba)
wb.worksheets()[0].insert_button("G2", {"macro": "say_hello", "caption": "Press Me"})
wb.close()

wb = xlsxwriter.Workbook(f"{out}/xw-1904.xlsx", {"date_1904": True})
ws = wb.add_worksheet("日期")
date = wb.add_format({"num_format": "yyyy-mm-dd"})
ws.write_row(0, 0, ["日期", "工单"])
for i in range(3):
    ws.write_datetime(i + 1, 0, datetime.datetime(2026, 11, 3 + i), date)
    ws.write_number(i + 1, 1, 10 + i)
ws.set_column(0, 0, 14)
wb.close()
