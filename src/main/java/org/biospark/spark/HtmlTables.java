package org.biospark.spark;

import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The first rows of a Dataset as an HTML table, for notebooks ({@code display("text/html", ...)}). */
public final class HtmlTables {
    private HtmlTables() {
    }

    /** At most {@code maxRows} rows; doubles to 4 significant digits, arrays as comma-separated lists. */
    public static String of(Dataset<Row> rows, int maxRows) {
        String[] columns = rows.columns();
        List<Row> taken = rows.takeAsList(maxRows);
        StringBuilder html = new StringBuilder("<table><thead><tr>");
        for (String column : columns) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Row row : taken) {
            html.append("<tr>");
            for (int c = 0; c < columns.length; c++) {
                html.append("<td>").append(escape(format(row.get(c)))).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    static String format(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.4g", d);
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            return seq.mkString(", ");
        }
        return value.toString();
    }

    /** Text safe in HTML content and attribute values. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
