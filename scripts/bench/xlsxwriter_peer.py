"""The peer of the .xlsx writer benchmark: XlsxWriter in constant_memory mode writes the cells that
scripts/bench/dump-cells.cjs dumped (the same cells our writer writes for `kpi`).

    python3 scripts/bench/xlsxwriter_peer.py cells.jsonl out.xlsx [--read-only]

Prints one JSON line: seconds spent (reading the dump and writing, or with --read-only just
reading it, so the reading can be subtracted) and the peak RSS of this process.
"""
import json
import resource
import sys
import time


def main():
    dump, out = sys.argv[1], sys.argv[2]
    read_only = "--read-only" in sys.argv
    start = time.perf_counter()
    with open(dump, encoding="utf-8") as lines:
        head = json.loads(next(lines))
        if read_only:
            for line in lines:
                json.loads(line)
        else:
            import xlsxwriter

            book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False})
            sheets = [book.add_worksheet(name) for name in head["sheets"]]
            formats = {}

            def fmt(code):
                if code is None:
                    return None
                if code not in formats:
                    formats[code] = book.add_format({"num_format": code})
                return formats[code]

            for line in lines:
                row = json.loads(line)
                ws = sheets[row["s"]]
                r = row["r"]
                for c, kind, value, cached, code in row["c"]:
                    f = fmt(code)
                    if kind == "s":
                        ws.write_string(r, c, value, f)
                    elif kind == "n":
                        ws.write_number(r, c, value, f)
                    elif kind == "b":
                        ws.write_boolean(r, c, value, f)
                    else:
                        ws.write_formula(r, c, value, f, "" if cached is None else cached)
            book.close()
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peakRssMB": round(peak_kb / 1024, 1)}))


if __name__ == "__main__":
    main()
