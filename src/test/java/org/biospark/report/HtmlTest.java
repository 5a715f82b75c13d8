package org.biospark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The report's numbers and escaping as a reader sees them. */
class HtmlTest {
    @Test
    void numbersAreShortAndExactWhereWhole() {
        assertEquals("1", Html.number(1.0));
        assertEquals("0.05955", Html.number(0.05954594115397178));
        assertEquals("2.542e-24", Html.number(2.5416e-24));
        assertEquals("2.5e-05", Html.number(2.5e-5));
        assertEquals("128.1", Html.number(128.112567394));
        assertEquals("12346", Html.number(12345.6));
        assertEquals("-1.964", Html.number(-1.96412));
        assertEquals("0", Html.number(0.0));
        assertEquals("NaN", Html.number(Double.NaN));
        assertEquals("1574", Html.number(1574L));
    }

    @Test
    void cellsKeepTheExactValueAndEscapeText() {
        assertEquals("<td class=\"n\" data-v=\"0.05954594115397178\">0.05955</td>", Html.cell(0.05954594115397178));
        assertEquals("<td>a &lt;b&gt; &amp; &quot;c&quot;</td>", Html.cell("a <b> & \"c\""));
        assertEquals("<td>x, y</td>", Html.cell(List.of("x", "y")));
        assertEquals("<td></td>", Html.cell(null));
    }
}
