"""A workbook of LibreOffice's making for the graft corpus: a pivot table (DataPilot), a chart,
an image and a comment, saved by LibreOffice as .xlsx.

Run with Debian's python3 (python3-uno) while a headless soffice accepts on a pipe:
  soffice --headless --accept="pipe,name=NAME;urp;" ...
  python3 libreoffice_corpus.py NAME OUT.xlsx ICON_PNG
"""
import sys
import time

import uno
from com.sun.star.awt import Point, Rectangle, Size
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellAddress, CellRangeAddress

pipe, out, icon = sys.argv[1], sys.argv[2], sys.argv[3]

local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
ctx = None
for _ in range(120):
    try:
        ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.5)
if ctx is None:
    raise SystemExit("soffice did not answer on the pipe")
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
sheet = doc.Sheets.getByIndex(0)
sheet.Name = "工单数据"
rows = [("区域", "月份", "工单"), ("维修车间", "十月", 12), ("维修车间", "十一月", 15), ("备件库", "十月", 7),
        ("备件库", "十一月", 9), ("接待区", "十月", 4), ("接待区", "十一月", 6)]
for r, row in enumerate(rows):
    for c, v in enumerate(row):
        cell = sheet.getCellByPosition(c, r)
        if isinstance(v, str):
            cell.String = v
        else:
            cell.Value = v
sheet.getCellByPosition(3, 0).String = "两倍"
for r in range(1, len(rows)):
    sheet.getCellByPosition(3, r).Formula = f"=C{r + 1}*2"

# A comment.
sheet.Annotations.insertNew(CellAddress(0, 0, 1), "维修车间含外协")

# A chart of the data.
rect = Rectangle(9000, 500, 12000, 7000)
ranges = (CellRangeAddress(0, 0, 0, 2, len(rows) - 1),)
sheet.Charts.addNewByName("工单图", rect, ranges, True, True)

# An image (the project's icon).
shape = doc.createInstance("com.sun.star.drawing.GraphicObjectShape")
shape.GraphicURL = uno.systemPathToFileUrl(icon)
sheet.DrawPage.add(shape)
shape.Position = Point(9000, 8000)
shape.Size = Size(1700, 1700)

# A pivot table on its own sheet.
doc.Sheets.insertNewByName("透视表", 1)
pivot_sheet = doc.Sheets.getByName("透视表")
tables = sheet.DataPilotTables
desc = tables.createDataPilotDescriptor()
desc.SourceRange = CellRangeAddress(0, 0, 0, 2, len(rows) - 1)
fields = desc.DataPilotFields
area = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "ROW")
fields.getByIndex(0).Orientation = area
fields.getByIndex(1).Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "COLUMN")
data = fields.getByIndex(2)
data.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "DATA")
data.Function = uno.Enum("com.sun.star.sheet.GeneralFunction", "SUM")
pivot_sheet.DataPilotTables.insertNewByName("工单透视", CellAddress(1, 0, 0), desc)

doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "Calc MS Excel 2007 XML"),))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
