package org.biospark.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's HTML: escaping, number formatting, tables that sort, filter and page in the browser with a script of
 * the page's own (a report opens from a file, offline, so nothing is fetched), and the page around them.
 */
final class Html {
    /** Rows a table shows at a time. */
    static final int PAGE = 25;

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}
            h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
            th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
            th{background:#f3f3f3;cursor:pointer;user-select:none}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .meta td:first-child{font-weight:600}.meta td.n{text-align:left}.pager{margin:.3em 0;font-size:.9em}.pager button{margin-right:.5em}
            input.filter{margin:.3em 0;padding:.2em;width:20em}img{max-width:100%;border:1px solid #eee;margin:.3em 0}
            .plots{display:flex;flex-wrap:wrap;gap:.5em}.plots img{width:48%}.note{color:#555;font-size:.9em}
            """;

    /** Sorting by a header's column, filtering by text, and paging, for every table of class {@code data}. */
    private static final String SCRIPT = """
            document.querySelectorAll('table.data').forEach(function (t) {
              var body = t.tBodies[0], rows = Array.prototype.slice.call(body.rows), shown = rows, page = 0;
              var size = parseInt(t.dataset.page || '25', 10), dir = {};
              var filter = document.createElement('input');
              filter.className = 'filter'; filter.placeholder = 'filter rows';
              var pager = document.createElement('div'); pager.className = 'pager';
              t.parentNode.insertBefore(filter, t); t.parentNode.insertBefore(pager, t.nextSibling);
              function draw() {
                var pages = Math.max(1, Math.ceil(shown.length / size));
                page = Math.min(page, pages - 1);
                body.innerHTML = '';
                shown.slice(page * size, (page + 1) * size).forEach(function (r) { body.appendChild(r); });
                pager.innerHTML = '';
                var prev = document.createElement('button'); prev.textContent = 'previous'; prev.disabled = page === 0;
                prev.onclick = function () { page--; draw(); };
                var next = document.createElement('button'); next.textContent = 'next';
                next.disabled = page >= pages - 1; next.onclick = function () { page++; draw(); };
                var where = document.createElement('span');
                where.textContent = 'page ' + (page + 1) + ' of ' + pages + ', ' + shown.length + ' rows';
                pager.appendChild(prev); pager.appendChild(next); pager.appendChild(where);
              }
              filter.oninput = function () {
                var q = filter.value.toLowerCase();
                shown = rows.filter(function (r) { return r.textContent.toLowerCase().indexOf(q) >= 0; });
                page = 0; draw();
              };
              Array.prototype.forEach.call(t.tHead.rows[0].cells, function (th, c) {
                th.title = 'sort';
                th.onclick = function () {
                  dir[c] = -(dir[c] || -1);
                  function key(r) { var v = r.cells[c].dataset.v || r.cells[c].textContent; var x = parseFloat(v);
                    return isNaN(x) ? v : x; }
                  rows.sort(function (a, b) { var x = key(a), y = key(b);
                    return (x < y ? -1 : x > y ? 1 : 0) * dir[c]; });
                  filter.oninput();
                };
              });
              draw();
            });
            """;

    private Html() {
    }

    static String escape(String text) {
        return text == null ? "" : org.biospark.spark.HtmlTables.escape(text);
    }

    /** A number as a reader wants it: integers whole, others to 4 significant digits, below 1e-3 in e notation. */
    static String number(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            if (Math.abs(d) >= 1e4 && Math.abs(d) < 1e15) {
                return String.format(Locale.ROOT, "%.0f", d);
            }
            // trailing zeros of the mantissa dropped: 1, not 1.000; 2.5e-05, not 2.500e-05
            return String.format(Locale.ROOT, d != 0 && Math.abs(d) < 1e-3 ? "%.3e" : "%.4g", d)
                    .replaceAll("(\\.\\d*?)0+($|e)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
        }
        return value.toString();
    }

    /** A cell: numbers right-aligned, with the exact value kept for sorting. */
    static String cell(Object value) {
        if (value instanceof Number n) {
            return "<td class=\"n\" data-v=\"" + n + "\">" + escape(number(value)) + "</td>";
        }
        if (value instanceof List<?> list) {
            return "<td>" + escape(String.join(", ", list.stream().map(String::valueOf).toList())) + "</td>";
        }
        return "<td>" + escape(value == null ? "" : value.toString()) + "</td>";
    }

    /** A sortable, filterable, paged table of {@code rows}. */
    static String table(List<String> columns, List<List<Object>> rows) {
        StringBuilder html = new StringBuilder("<table class=\"data\" data-page=\"" + PAGE + "\"><thead><tr>");
        columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (List<Object> row : rows) {
            html.append("<tr>");
            row.forEach(v -> html.append(cell(v)));
            html.append("</tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    /** Spark rows as a table's rows, nulls as empty cells. */
    static List<List<Object>> rows(List<org.apache.spark.sql.Row> rows) {
        List<List<Object>> cells = new java.util.ArrayList<>();
        for (org.apache.spark.sql.Row r : rows) {
            List<Object> row = new java.util.ArrayList<>();
            for (int c = 0; c < r.size(); c++) {
                row.add(r.isNullAt(c) ? "" : r.get(c));
            }
            cells.add(row);
        }
        return cells;
    }

    /** A two-column table of names and values, not paged. */
    static String facts(List<List<Object>> rows) {
        StringBuilder html = new StringBuilder("<table class=\"meta\"><tbody>\n");
        for (List<Object> row : rows) {
            html.append("<tr>");
            row.forEach(v -> html.append(cell(v)));
            html.append("</tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    /** An image of the report, with its description as the alternative text. */
    static String image(String file, String alt) {
        return "<img src=\"" + escape(file) + "\" alt=\"" + escape(alt) + "\">";
    }

    /** A whole page. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body>\n<h1>" + escape(title) + "</h1>\n" + body
                + "<script>" + SCRIPT + "</script></body></html>\n";
    }
}
