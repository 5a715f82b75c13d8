package org.biospark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextFilesTest {
    private static List<String> lines(String text) throws IOException {
        TextFiles.Lines lines = TextFiles.utf8(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t");
        List<String> all = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            all.add(line);
        }
        return all;
    }

    @Test
    void linesEndAsBufferedReaderEndsThemAndAByteOrderMarkIsDropped() throws IOException {
        String text = "\uFEFFa\tb\r\nc\rd\n\ne";
        assertEquals(List.of("a\tb", "c", "d", "", "e"), lines(text));
        assertEquals(new java.io.BufferedReader(new StringReader(text.substring(1))).lines().toList(), lines(text));
        assertEquals(List.of("x", ""), lines("x\r\n\r\n"));
        assertEquals(List.of(), lines(""));
    }

    @Test
    void aLineBeyondTheBoundStopsTheFileAtItsLine() throws IOException {
        TextFiles.Lines lines = new TextFiles.Lines(new StringReader("ok\n" + "x".repeat(100) + "\n"), "big.gmt", 50);
        assertEquals("ok", lines.readLine());
        InvalidInputException e = assertThrows(InvalidInputException.class, lines::readLine);
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("longer than 50 characters"), e.getMessage());
        TextFiles.Lines exact = new TextFiles.Lines(new StringReader("y".repeat(50)), "f", 50);
        assertEquals(50, exact.readLine().length());
        assertNull(exact.readLine());
    }
}
